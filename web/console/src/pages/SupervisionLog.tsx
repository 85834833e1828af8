// 监察日志: GET /api/supervision/log — the supervising office's own actions (reviews, rules, the risk register,
// tasks, complaints) from the tamper-evident audit chain, newest first, a page at a time.
import { useMemo } from 'react';
import { Alert, Button, Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import { errorText, formatDateTime } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import type { SupervisionLogEntry } from '../supervision/types.ts';
import '../supervision/supervision.css';

export default function SupervisionLogPage() {
  const { t } = useI18n();
  const scrollRegion = useScrollRegion(t('nav.supLog'));
  const list = usePagedList<SupervisionLogEntry, Record<string, never>>('/api/supervision/log', {});
  const columns: ColumnsType<SupervisionLogEntry> = useMemo(
    () => [
      { title: t('sup.log.seq'), dataIndex: 'seq', width: 90, render: (seq: number) => <code>{seq}</code> },
      { title: t('sup.log.time'), dataIndex: 'occurredAt', width: 170, render: (value: string) => formatDateTime(value) },
      { title: t('sup.log.actor'), dataIndex: 'actorName', width: 120, render: (name: string | null) => name ?? t('sup.log.system') },
      { title: t('sup.log.action'), dataIndex: 'action', width: 260, render: (action: string) => <code>{action}</code> },
      { title: t('sup.log.subject'), key: 'subject', width: 220, render: (_: unknown, row) => (row.subjectType ? <span className="zt-cell-note">{row.subjectType} · <code>{(row.subjectId ?? '').slice(0, 36)}</code></span> : '—') },
      { title: t('sup.log.outcome'), dataIndex: 'outcome', width: 100, render: (outcome: string) => <StatusTag tone={outcome === 'success' ? 'success' : 'danger'}>{outcome === 'success' ? t('sup.log.success') : outcome}</StatusTag> },
      { title: t('sup.log.detail'), dataIndex: 'detail', render: (detail: string | null) => <span className="zt-log-detail">{detail ?? ''}</span> },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('nav.supLog')}
        description={t('sup.log.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <div ref={scrollRegion}>
        <Table<SupervisionLogEntry>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={list.items.length > 0 ? { x: 1200 } : undefined}
          locale={{ emptyText: <span className="zt-empty-text">{t('sup.log.empty')}</span> }}
        />
        </div>
      </Card>
    </>
  );
}
