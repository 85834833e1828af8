// 监察统计: GET /api/supervision/statistics?from&to&unitId&category&level — findings raised in a period counted
// by unit × category × level (this month unless chosen otherwise), as two charts and a table with totals;
// 导出 Excel downloads GET /api/supervision/statistics.xlsx with the same filters.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Row, Select, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, downloadXlsx } from '../api.ts';
import { errorText, formatDate, isoDate } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import ChartCard from '../components/charts/ChartCard.tsx';
import { categoryChart, unitFindingsChart } from '../supervision/dashboardCharts.ts';
import { categoryLabel, LevelTag, levelKey } from '../supervision/tags.tsx';
import { FINDING_LEVELS, RULE_CATEGORIES, type FindingStatistics } from '../supervision/types.ts';
import '../supervision/supervision.css';

interface Query {
  from?: string;
  to?: string;
  unitId?: string;
  category?: string;
  level?: string;
}

interface FilterValues {
  from?: Dayjs | null;
  to?: Dayjs | null;
  unitId?: string;
  category?: string;
  level?: string;
}

type Row = FindingStatistics['rows'][number];
type Preset = 'thisMonth' | 'thisQuarter' | 'thisYear' | 'lastYear';
const PRESETS: Preset[] = ['thisMonth', 'thisQuarter', 'thisYear', 'lastYear'];

/** A preset period ending on `today` (the server's today, from the first answer). */
function presetRange(preset: Preset, today: Dayjs): [Dayjs, Dayjs] {
  switch (preset) {
    case 'thisMonth':
      return [today.startOf('month'), today];
    case 'thisQuarter':
      return [today.month(Math.floor(today.month() / 3) * 3).startOf('month'), today];
    case 'lastYear':
      return [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')];
    default:
      return [today.startOf('year'), today];
  }
}

export default function SupervisionStatisticsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<Query>({});
  const [today, setToday] = useState<Dayjs | null>(null);
  const [exporting, setExporting] = useState(false);
  const loaded = useLoad(async () => {
    const result = await api.get<FindingStatistics>('/api/supervision/statistics', { ...query });
    // The first answer (no dates asked) tells the period the server chose: this month up to its today.
    if (!query.from && !query.to) {
      setToday((current) => current ?? dayjs(result.to));
      form.setFieldsValue({ from: dayjs(result.from), to: dayjs(result.to) });
    }
    return result;
  }, [query.from, query.to, query.unitId, query.category, query.level]);
  const stats = loaded.data;
  const label = (category: string, fallback: string) => categoryLabel(t, category, fallback);

  const apply = (values: FilterValues) =>
    setQuery({ from: isoDate(values.from), to: isoDate(values.to), unitId: values.unitId || undefined, category: values.category || undefined, level: values.level || undefined });

  const choosePreset = (preset: Preset) => {
    const [from, to] = presetRange(preset, today ?? dayjs());
    form.setFieldsValue({ from, to });
    apply({ ...form.getFieldsValue(), from, to });
  };

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      const period = stats ? { from: stats.from, to: stats.to } : {};
      await downloadXlsx('/api/supervision/statistics.xlsx', { ...query, ...period }, `${t('sup.stats.exportName')}-${stats?.from ?? ''}_${stats?.to ?? ''}.xlsx`);
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setExporting(false);
    }
  };

  const charts = useMemo(
    () => (stats ? { units: unitFindingsChart(stats.byUnit, t('sup.stats.byUnitChart'), t, lang, 'light', 15), categories: categoryChart(stats, t, lang, label) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stats, t, lang],
  );

  const columns: ColumnsType<Row> = [
    { title: t('sup.dash.unit'), dataIndex: 'unitName', width: 240, onCell: (row) => ({ rowSpan: rowSpanOf(stats?.rows ?? [], row) }) },
    { title: t('sup.stats.category'), dataIndex: 'category', width: 140, render: (category: string, row) => label(category, row.categoryName) },
    ...FINDING_LEVELS.map((level) => ({
      title: <LevelTag level={level} />,
      dataIndex: level,
      width: 100,
      align: 'right' as const,
    })),
    { title: t('sup.dash.total'), dataIndex: 'total', width: 100, align: 'right', render: (value: number) => <strong>{value}</strong> },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.supStatistics')}
        description={t('sup.stats.description')}
        extra={
          <>
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={loaded.reload}>
              {t('common.refresh')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden="true" />} loading={exporting} disabled={!stats} onClick={() => void exportWorkbook()}>
              {t('common.exportExcel')}
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} name="supervision-statistics-filter" layout="vertical" requiredMark={false} onFinish={apply}>
          <Row gutter={16} align="bottom">
            <Col xs={12} md={6} xl={4}>
              <Form.Item label={t('svc.stats.from')} name="from" rules={[{ required: true, message: t('sup.stats.dateRequired') }]}>
                <DatePicker allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item
                label={t('svc.stats.to')}
                name="to"
                dependencies={['from']}
                rules={[
                  { required: true, message: t('sup.stats.dateRequired') },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: Dayjs | null) => (value && getFieldValue('from') && value.isBefore(getFieldValue('from') as Dayjs, 'day') ? Promise.reject(new Error(t('svc.stats.rangeInvalid'))) : Promise.resolve()),
                  }),
                ]}
              >
                <DatePicker allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={5}>
              <Form.Item label={t('sup.stats.unit')} name="unitId">
                <UnitTreeSelect allowClear placeholder={t('svc.stats.allUnits')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('sup.stats.category')} name="category">
                <Select allowClear placeholder={t('common.all')} options={RULE_CATEGORIES.map((category) => ({ value: category, label: label(category, category) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('sup.stats.level')} name="level">
                <Select allowClear placeholder={t('common.all')} options={FINDING_LEVELS.map((level) => ({ value: level, label: t(levelKey(level)) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={5}>
              <Form.Item>
                <Space wrap>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                    {t('common.search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      if (today) form.setFieldsValue({ from: today.startOf('month'), to: today });
                      setQuery({});
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <div className="zt-presets" role="group" aria-label={t('svc.stats.period')}>
          <span className="zt-presets-label" aria-hidden="true">
            {t('svc.stats.period')}：
          </span>
          {PRESETS.map((preset) => (
            <Button key={preset} size="small" onClick={() => choosePreset(preset)}>
              {t(`svc.stats.preset.${preset}`)}
            </Button>
          ))}
          <span className="zt-presets-showing" role="status">
            {stats ? t('svc.stats.showing', { from: formatDate(stats.from), to: formatDate(stats.to) }) : null}
          </span>
        </div>
      </Card>
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} /> : null}
      {stats && charts ? (
        <Spin spinning={loaded.loading}>
          <section aria-labelledby="sup-stats-kpis" style={{ marginBottom: 16 }}>
            <h2 id="sup-stats-kpis" className="zt-visually-hidden">
              {t('svc.stats.kpis')}
            </h2>
            <dl className="zt-kpis zt-sup-kpis">
              {(['total', ...FINDING_LEVELS] as const).map((key) => (
                <div key={key} className="zt-kpi" data-kpi={key} style={{ borderTopColor: key === 'total' ? '#1d4ed8' : LEVEL_ACCENTS[key] }}>
                  <dt>{key === 'total' ? t('sup.stats.totalFindings') : t(levelKey(key))}</dt>
                  <dd className="zt-kpi-value">
                    {stats.totals[key]}
                    <span className="zt-kpi-unit">{t('sup.dash.findingsUnit')}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} xl={14}>
              <ChartCard {...charts.units} height={Math.max(240, Math.min(stats.byUnit.length, 15) * 30 + 60)} />
            </Col>
            <Col xs={24} xl={10}>
              <ChartCard {...charts.categories} />
            </Col>
          </Row>
          <Card title={<h2 className="zt-card-title">{t('sup.stats.table')}</h2>}>
            <Table<Row>
              rowKey={(row) => `${row.unitId}|${row.category}`}
              size="middle"
              bordered
              columns={columns}
              dataSource={stats.rows}
              pagination={false}
              scroll={stats.rows.length > 0 ? { x: 780 } : undefined}
              locale={{ emptyText: <span className="zt-empty-text">{t('sup.stats.empty')}</span> }}
              summary={() =>
                stats.rows.length === 0 ? null : (
                  <Table.Summary.Row className="zt-sup-total-row">
                    <Table.Summary.Cell index={0} colSpan={2}>
                      <strong>{t('sup.dash.total')}</strong>
                    </Table.Summary.Cell>
                    {FINDING_LEVELS.map((level, index) => (
                      <Table.Summary.Cell key={level} index={index + 2} align="right">
                        <strong>{stats.totals[level]}</strong>
                      </Table.Summary.Cell>
                    ))}
                    <Table.Summary.Cell index={5} align="right">
                      <strong>{stats.totals.total}</strong>
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )
              }
            />
          </Card>
        </Spin>
      ) : loaded.loading ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : null}
    </>
  );
}

const LEVEL_ACCENTS = { warning: '#f59e0b', yellow: '#eab308', red: '#dc2626' } as const;

/** Rows of one unit are adjacent: the first spans them all, the others are hidden. */
function rowSpanOf(rows: Row[], row: Row): number {
  const index = rows.indexOf(row);
  if (index > 0 && rows[index - 1]?.unitId === row.unitId) return 0;
  let span = 1;
  while (rows[index + span]?.unitId === row.unitId) span += 1;
  return span;
}
