// 我的待办: GET /api/cases/queue — the open tasks of the user's unit, most urgent first, with deadline
// states as coloured bar + icon + words; a row opens the case.
import { Alert, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { errorText, formatDate, formatDateTime } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { detailHref, navigateToDetail } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import { CaseStatusTag, RemainingDays, TimeStateTag } from '../services/tags.tsx';
import type { QueueEntry } from '../services/types.ts';
import { TIME_STATES, TIME_STATE_BAR, isTimeState, stepKeyLabel } from '../services/vocab.ts';

type Filters = { q?: string; timeState?: string };

export default function WorkQueuePage() {
  const { t } = useI18n();
  const list = usePagedList<QueueEntry, Filters>('/api/cases/queue', {});
  const [filterForm] = Form.useForm<Filters>();

  const channelLabel = (channel: string) => (channel === 'online' || channel === 'window' || channel === 'pushed' ? t(`svc.channel.${channel}`) : channel);

  const columns: ColumnsType<QueueEntry> = [
    {
      title: t('svc.case.timeState'),
      dataIndex: 'timeState',
      width: 125,
      fixed: 'left',
      render: (state: string) => (
        <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span aria-hidden="true" className="zt-state-bar" style={{ background: isTimeState(state) ? TIME_STATE_BAR[state] : '#9ca3af' }} />
          <TimeStateTag state={state} />
        </div>
      ),
    },
    {
      title: t('svc.case.caseNumber'),
      dataIndex: 'caseNumber',
      width: 215,
      render: (number: string, row) => (
        <a href={detailHref('/cases', row.caseId)} className="zt-case-number">
          {number}
        </a>
      ),
    },
    { title: t('svc.case.itemName'), dataIndex: 'itemName', width: 200, ellipsis: true },
    { title: t('svc.case.applicant'), dataIndex: 'applicantName', width: 110, ellipsis: true },
    {
      title: t('svc.case.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, row) =>
        row.remainingDays !== null ? (
          <div style={{ lineHeight: 1.5 }}>
            <RemainingDays days={row.remainingDays} state={row.timeState} />
            {row.caseDeadline ? <div style={{ fontSize: 12, color: '#4b5563' }}>{t('svc.case.caseDue', { date: formatDate(row.caseDeadline) })}</div> : null}
          </div>
        ) : row.timeState === 'paused' ? (
          <span>{t('svc.case.clockPaused')}</span>
        ) : row.stepDeadline ? (
          <span>{t('svc.case.stepDue', { date: formatDate(row.stepDeadline) })}</span>
        ) : (
          <span>{t('svc.case.noDeadline')}</span>
        ),
    },
    {
      title: t('svc.case.task'),
      key: 'task',
      width: 120,
      render: (_: unknown, row) => {
        const known = stepKeyLabel(row.stepKey);
        return (
          <Space size={4} wrap>
            {row.taskKind === 'countersign' ? <StatusTag tone="warning">{t('svc.taskKind.countersign')}</StatusTag> : null}
            <span>{known ? t(known) : row.stepKey}</span>
          </Space>
        );
      },
    },
    { title: t('svc.case.status'), dataIndex: 'status', width: 110, render: (status: QueueEntry['status']) => <CaseStatusTag status={status} /> },
    { title: t('svc.case.channel'), dataIndex: 'channel', width: 100, render: channelLabel },
    { title: t('svc.case.waitingSince'), dataIndex: 'waitingSince', width: 165, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 90,
      render: (_: unknown, row) => (
        <a href={detailHref('/cases', row.caseId)} aria-label={t('svc.queue.handleNamed', { number: row.caseNumber })}>
          {t('svc.queue.handle')}
        </a>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.queue')}
        description={t('svc.queue.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={list.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={filterForm} name="queue-filter" layout="inline" onFinish={(values) => list.setFilters({ q: values.q?.trim() || undefined, timeState: values.timeState })} style={{ rowGap: 12 }}>
          <Form.Item label={t('svc.filter.keyword')} name="q">
            <Input allowClear style={{ width: 260 }} placeholder={t('svc.queue.keywordPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('svc.case.timeState')} name="timeState">
            <Select allowClear style={{ width: 150 }} placeholder={t('common.all')} options={TIME_STATES.map((s) => ({ value: s, label: t(`svc.timeState.${s}`) }))} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  filterForm.resetFields();
                  list.setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <p style={{ margin: '12px 0 0', color: '#4b5563', fontSize: 13 }}>{t('svc.queue.legend')}</p>
      </Card>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<QueueEntry>
          rowKey="taskId"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={{ x: 1420 }}
          rowClassName={(row) => `zt-queue-row zt-queue-${row.timeState}`}
          onRow={(row) => ({
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a,button')) return;
              navigateToDetail('/cases', row.caseId);
            },
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: t('svc.queue.empty') }}
        />
      </Card>
    </>
  );
}
