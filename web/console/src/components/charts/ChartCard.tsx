// A titled chart card: the chart (an image with a summary label) and, under it, the same numbers as a real
// table behind a "查看数据表" toggle — the accessible alternative and handy for copying figures.
import type { ReactNode } from 'react';
import { Card, Collapse, Empty } from 'antd';
import { TableOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.ts';
import EChart, { type ChartOption } from './EChart.tsx';

export interface DataColumn {
  title: string;
  numeric?: boolean;
}

export interface DataTableProps {
  caption: string;
  columns: DataColumn[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
  foot?: ReactNode[];
}

/** A plain, semantic data table (caption, column headers, row headers in the first column). */
export function DataTable({ caption, columns, rows, foot }: DataTableProps) {
  const { t } = useI18n();
  const align = (index: number) => (columns[index]?.numeric ? 'zt-num' : undefined);
  return (
    <div className="zt-data-table-wrap">
      <table className="zt-data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column.title} scope="col" className={align(index)}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t('common.noData')}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className={align(index)}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
        {foot && rows.length > 0 ? (
          <tfoot>
            <tr>
              {foot.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={align(index)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export default function ChartCard({
  title,
  summary,
  option,
  empty,
  height = 300,
  table,
  extra,
}: {
  title: string;
  summary: string;
  option: ChartOption;
  empty: boolean;
  height?: number;
  table: Omit<DataTableProps, 'caption'>;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card className="zt-chart-card" title={<h2 className="zt-card-title">{title}</h2>} extra={extra}>
      {empty ? (
        <div className="zt-chart-empty" style={{ height }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.stats.noData')} />
        </div>
      ) : (
        <EChart option={option} height={height} label={t('svc.stats.chartLabel', { title, summary })} />
      )}
      <Collapse
        ghost
        size="small"
        className="zt-chart-table-toggle"
        items={[
          {
            key: 'table',
            label: (
              <span>
                <TableOutlined aria-hidden="true" style={{ marginInlineEnd: 6 }} />
                {t('svc.stats.showTable')}
              </span>
            ),
            children: <DataTable caption={t('svc.stats.tableCaption', { title })} {...table} />,
          },
        ]}
      />
    </Card>
  );
}
