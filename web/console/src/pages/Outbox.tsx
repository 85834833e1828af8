// 消息队列: GET /api/outbox with status/channel filters; POST /api/outbox/:id/retry (notify.outbox.manage).
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { useCan } from '../session.ts';
import type { OutboxChannel, OutboxRow, OutboxStatus } from '../types.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import type { Tone } from '../theme.ts';

type Filters = { status?: OutboxStatus; channel?: OutboxChannel };

const STATUS_TONE: Record<OutboxStatus, Tone> = { pending: 'info', sent: 'success', failed: 'warning', dead: 'danger' };
const STATUSES: OutboxStatus[] = ['pending', 'sent', 'failed', 'dead'];
const CHANNELS: OutboxChannel[] = ['email', 'sms', 'inapp', 'event'];

export default function OutboxPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canRetry = useCan('notify.outbox.manage');
  const list = usePagedList<OutboxRow, Filters>('/api/outbox', {});
  const [busyId, setBusyId] = useState<string | null>(null);

  const retry = async (row: OutboxRow) => {
    setBusyId(row.id);
    try {
      await api.post(`/api/outbox/${encodeURIComponent(row.id)}/retry`);
      message.success(t('outbox.retryQueued'));
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusyId(null);
    }
  };

  const columns: ColumnsType<OutboxRow> = [
    { title: t('outbox.channel'), dataIndex: 'channel', width: 100, render: (v: OutboxChannel) => <StatusTag tone="neutral">{t(`outbox.channel.${v}`)}</StatusTag> },
    { title: t('outbox.topic'), dataIndex: 'topic', width: 180, render: (v: string) => <code>{v}</code> },
    { title: t('outbox.recipient'), dataIndex: 'recipient', width: 200, ellipsis: true },
    { title: t('outbox.subject'), dataIndex: 'subject', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('outbox.status'), dataIndex: 'status', width: 100, render: (v: OutboxStatus) => <StatusTag tone={STATUS_TONE[v] ?? 'neutral'}>{t(`outbox.status.${v}`)}</StatusTag> },
    { title: t('outbox.attempts'), dataIndex: 'attempts', width: 90 },
    {
      title: t('outbox.lastError'),
      dataIndex: 'lastError',
      width: 220,
      render: (v: string | null) =>
        v ? (
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 200, color: '#991b1b' }}>
            {v}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { title: t('outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('outbox.sentOrNext'),
      key: 'when',
      width: 190,
      render: (_: unknown, r) =>
        r.sentAt ? (
          formatDateTime(r.sentAt)
        ) : r.nextAttemptAt ? (
          <Tooltip title={t('outbox.nextAttempt')}>
            <span>→ {formatDateTime(r.nextAttemptAt)}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    ...(canRetry
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            fixed: 'right' as const,
            render: (_: unknown, r: OutboxRow) =>
              r.status === 'failed' || r.status === 'dead' ? (
                <Button type="link" size="small" icon={<RedoOutlined aria-hidden="true" />} loading={busyId === r.id} onClick={() => void retry(r)}>
                  {t('outbox.retry')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.outbox')}
        description={t('outbox.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form name="outbox-filter" layout="inline" style={{ rowGap: 12 }} onValuesChange={(_, all: Filters) => list.setFilters({ status: all.status, channel: all.channel })}>
          <Form.Item label={t('outbox.status')} name="status">
            <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} options={STATUSES.map((s) => ({ value: s, label: t(`outbox.status.${s}`) }))} />
          </Form.Item>
          <Form.Item label={t('outbox.channel')} name="channel">
            <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} options={CHANNELS.map((c) => ({ value: c, label: t(`outbox.channel.${c}`) }))} />
          </Form.Item>
        </Form>
      </Card>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<OutboxRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.items}
            loading={list.loading}
            pagination={list.pagination}
            onChange={list.onTableChange}
            scroll={{ x: 1400 }}
          />
      </Card>
    </>
  );
}
