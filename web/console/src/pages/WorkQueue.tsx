// 我的待办: GET /api/cases/queue — the open tasks of the user's unit, most urgent first, with deadline
// states as coloured bar + icon + words; a row opens the case. 即办件 can be selected and approved together
// (批量审批), and the unit's open rectifications of bad ratings are counted here where the unit works.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CommentOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { detailHref, href, navigateToDetail } from '../router.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import BatchApproveModal from '../components/services/BatchApproveModal.tsx';
import type { Rectification } from '../services/hallTools.ts';
import type { Paged } from '../types.ts';
import { CaseStatusTag, RemainingDays, TimeStateTag } from '../services/tags.tsx';
import type { QueueEntry } from '../services/types.ts';
import { TIME_STATES, TIME_STATE_BAR, isTimeState, stepKeyLabel } from '../services/vocab.ts';

type Filters = { q?: string; timeState?: string };

/** The unit's open rectifications (up to 100 read to count the overdue ones), for users who may read cases. */
function useOpenRectifications(enabled: boolean) {
  return useLoad(async () => {
    if (!enabled) return { total: 0, overdue: 0 };
    const page = await api.get<Paged<Rectification>>('/api/rectifications', { status: 'open', pageSize: 100 });
    return { total: page.total, overdue: page.items.filter((item) => item.overdue).length };
  }, [enabled]);
}

function RectificationAlert({ total, overdue }: { total: number; overdue: number }) {
  const { t } = useI18n();
  if (total === 0) return null;
  return (
    <Alert
      type={overdue > 0 ? 'error' : 'warning'}
      showIcon
      icon={<CommentOutlined aria-hidden="true" />}
      style={{ marginBottom: 16 }}
      title={overdue > 0 ? t('svc.rect.queueAlertOverdue', { n: total, m: overdue }) : t('svc.rect.queueAlert', { n: total })}
      action={<a href={href('/rectifications')}>{t('svc.rect.goHandle')}</a>}
    />
  );
}

export default function WorkQueuePage() {
  const { t } = useI18n();
  const list = usePagedList<QueueEntry, Filters>('/api/cases/queue', {});
  const [filterForm] = Form.useForm<Filters>();
  const canReadCases = useCan('services.cases.read');
  const rectifications = useOpenRectifications(canReadCases);
  const openRectifications = rectifications.data?.total ?? 0;
  const [selected, setSelected] = useState<string[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);
  const immediate = list.items.filter((entry) => entry.caseKind === 'immediate' && entry.taskKind === 'step');
  const chosen = immediate.filter((entry) => selected.includes(entry.taskId));

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
          <>
            {canReadCases ? (
              <Badge count={openRectifications} overflowCount={99} color="#b91c1c" offset={[-6, 2]}>
                <Button href={href('/rectifications')} icon={<CommentOutlined aria-hidden="true" />} aria-label={t('svc.rect.queueButtonLabel', { n: openRectifications })}>
                  {t('svc.rect.queueButton')}
                </Button>
              </Badge>
            ) : null}
            <Button
              icon={<ReloadOutlined aria-hidden="true" />}
              onClick={() => {
                list.reload();
                rectifications.reload();
              }}
            >
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      <RectificationAlert total={openRectifications} overdue={rectifications.data?.overdue ?? 0} />
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
        {immediate.length > 0 ? (
          <div className="zt-batch-bar" role="region" aria-label={t('svc.batch.title')}>
            <span>{chosen.length > 0 ? t('svc.batch.selected', { n: chosen.length }) : t('svc.batch.hint')}</span>
            <Space style={{ marginInlineStart: 'auto' }}>
              {chosen.length < immediate.length ? <Button onClick={() => setSelected(immediate.map((entry) => entry.taskId))}>{t('svc.batch.selectAll')}</Button> : null}
              {chosen.length > 0 ? <Button onClick={() => setSelected([])}>{t('svc.batch.clear')}</Button> : null}
              <Button type="primary" disabled={chosen.length === 0} onClick={() => setBatchOpen(true)}>
                {t('svc.batch.button')}
                {chosen.length > 0 ? ` (${chosen.length})` : ''}
              </Button>
            </Space>
          </div>
        ) : null}
        <Table<QueueEntry>
          rowKey="taskId"
          rowSelection={
            immediate.length > 0
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  columnWidth: 48,
                  fixed: 'left',
                  // The select-all checkbox would be cloned into the table's aria-hidden measure row; the bar above offers it instead.
                  hideSelectAll: true,
                  columnTitle: <span className="zt-visually-hidden">{t('svc.batch.column')}</span>,
                  getCheckboxProps: (row) => {
                    const allowed = row.caseKind === 'immediate' && row.taskKind === 'step';
                    return { disabled: !allowed, 'aria-label': t('svc.batch.selectNamed', { number: row.caseNumber }) };
                  },
                }
              : undefined
          }
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={list.items.length > 0 ? { x: 1420 } : undefined}
          rowClassName={(row) => `zt-queue-row zt-queue-${row.timeState}`}
          onRow={(row) => ({
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a,button')) return;
              navigateToDetail('/cases', row.caseId);
            },
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: <span className="zt-empty-text">{t('svc.queue.empty')}</span> }}
        />
      </Card>
      <BatchApproveModal
        open={batchOpen}
        entries={chosen}
        onClose={() => setBatchOpen(false)}
        onDone={() => {
          setSelected([]);
          list.reload();
        }}
      />
    </>
  );
}
