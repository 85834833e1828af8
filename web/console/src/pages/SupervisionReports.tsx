// 上报记录: GET /api/supervision/reports?status — what was reported (or waits to be) to the provincial supervision
// platform, with attempts and the last error; a dead report is sent again with POST …/:id/retry. Only overseers
// whose scope is everything may read it (the menu entry is shown after the call succeeds — see nav.tsx).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import type { Tone } from '../theme.ts';
import { REPORT_STATUSES, type ReportLogEntry, type ReportStatus } from '../supervision/types.ts';
import '../supervision/supervision.css';

const TONES: Record<ReportStatus, Tone> = { pending: 'warning', sent: 'success', dead: 'danger' };

export default function SupervisionReportsPage() {
  const { t } = useI18n();
  const scrollRegion = useScrollRegion(t('nav.supReports'));
  const { message } = App.useApp();
  const [status, setStatus] = useState<ReportStatus | 'all'>('all');
  const [retrying, setRetrying] = useState<string | null>(null);
  const list = usePagedList<ReportLogEntry, { status?: string }>('/api/supervision/reports', {});

  const retry = async (entry: ReportLogEntry) => {
    setRetrying(entry.id);
    try {
      await api.post(`/api/supervision/reports/${encodeURIComponent(entry.id)}/retry`);
      message.success(t('sup.reports.retried'));
      list.reload();
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setRetrying(null);
    }
  };

  const columns: ColumnsType<ReportLogEntry> = useMemo(
    () => [
      { title: t('sup.reports.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
      { title: t('sup.reports.kind'), dataIndex: 'kind', width: 100, render: (kind: string) => (kind === 'case' || kind === 'finding' ? t(`sup.reports.kind.${kind}` as MessageKey) : kind) },
      { title: t('sup.reports.event'), dataIndex: 'event', width: 200, render: (event: string) => <code>{event}</code> },
      { title: t('sup.col.status'), dataIndex: 'status', width: 100, render: (value: ReportStatus) => <StatusTag tone={TONES[value] ?? 'neutral'}>{t(`sup.reports.status.${value}` as MessageKey)}</StatusTag> },
      { title: t('sup.reports.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
      { title: t('sup.reports.sentAt'), key: 'when', width: 170, render: (_: unknown, row) => (row.sentAt ? formatDateTime(row.sentAt) : row.status === 'pending' ? t('sup.reports.next', { time: formatDateTime(row.nextAttemptAt) }) : '—') },
      { title: t('sup.reports.lastError'), dataIndex: 'lastError', render: (error: string | null) => (error ? <Typography.Text type="danger" className="zt-log-detail">{error}</Typography.Text> : '—') },
      {
        title: t('common.actions'),
        key: 'actions',
        fixed: 'right',
        width: 110,
        render: (_: unknown, row) =>
          row.status === 'dead' ? (
            <Button size="small" icon={<RedoOutlined aria-hidden="true" />} loading={retrying === row.id} onClick={() => void retry(row)} aria-label={t('sup.reports.retryNamed', { event: row.event })}>
              {t('sup.reports.retry')}
            </Button>
          ) : null,
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, retrying],
  );

  return (
    <>
      <PageHeader
        title={t('nav.supReports')}
        description={t('sup.reports.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <div style={{ marginBottom: 16 }}>
          <Segmented<ReportStatus | 'all'>
            value={status}
            aria-label={t('sup.filter.status')}
            onChange={(next) => {
              setStatus(next);
              list.setFilters(next === 'all' ? {} : { status: next });
            }}
            options={[{ value: 'all', label: t('common.all') }, ...REPORT_STATUSES.map((value) => ({ value, label: t(`sup.reports.status.${value}` as MessageKey) }))]}
          />
        </div>
        <div ref={scrollRegion}>
        <Table<ReportLogEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={list.items.length > 0 ? { x: 1200 } : undefined}
          locale={{ emptyText: <span className="zt-empty-text">{t('sup.reports.empty')}</span> }}
        />
        </div>
      </Card>
    </>
  );
}
