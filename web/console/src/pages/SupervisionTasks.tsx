// 督查督办: GET /api/supervision/tasks — a supervising office's tasks to the units it watches, or a unit's own,
// filtered by status and unit. The office issues a task (IssueTaskModal); a row opens the drawer with the
// history, the files and the reply (the unit) or review (the office) form, which links to the task's own page
// (#/supervision/tasks/<id>, where the in-app messages about a task lead).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Col, Drawer, Form, Row, Select, Space, Spin, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LinkOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { detailHref } from '../router.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import IssueTaskModal from '../supervision/IssueTaskModal.tsx';
import TaskDetailPanel, { TaskStatusTags } from '../supervision/TaskDetailPanel.tsx';
import { TASK_STATUSES, type SupervisionTask, type SupervisionTaskDetail, type TaskStatus } from '../supervision/types.ts';
import type { Paged } from '../types.ts';
import '../supervision/supervision.css';

type Filters = { status?: string; unitId?: string };
type Tab = 'todo' | 'all';

function TaskDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => (id ? api.get<SupervisionTaskDetail>(`/api/supervision/tasks/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id]);
  const [task, setTask] = useState<SupervisionTaskDetail | null>(null);
  useEffect(() => setTask(loaded.data), [loaded.data]);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={task ? t('sup.task.drawerTitle', { number: task.taskNumber, title: task.title }) : t('nav.supTasks')}
      closable={{ 'aria-label': t('common.close') }}
      extra={
        task ? (
          <a href={detailHref('/supervision/tasks', task.id)}>
            <LinkOutlined aria-hidden="true" /> {t('sup.detail.permalink')}
          </a>
        ) : null
      }
    >
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : !task || task.id !== id ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : (
        <TaskDetailPanel
          task={task}
          onChanged={(next) => {
            setTask(next);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

export default function SupervisionTasksPage() {
  const { t } = useI18n();
  const scrollRegion = useScrollRegion(t('nav.supTasks'));
  const oversees = useCan('supervision.oversee');
  const canReply = useCan('supervision.findings.respond');
  // What waits for this viewer: replies to write (the unit) or replies to review (the office).
  const todoStatus: TaskStatus | null = oversees ? 'answered' : canReply ? 'open' : null;
  const [tab, setTab] = useState<Tab>(todoStatus ? 'todo' : 'all');
  const [form] = Form.useForm<Filters>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const list = usePagedList<SupervisionTask, Filters>('/api/supervision/tasks', todoStatus ? { status: todoStatus } : {});
  const todoCount = useLoad(() => (todoStatus ? api.get<Paged<SupervisionTask>>('/api/supervision/tasks', { status: todoStatus, pageSize: 1 }).then((page) => page.total) : Promise.resolve(0)), [todoStatus]);

  const refresh = () => {
    list.reload();
    todoCount.reload();
  };
  const applyFilters = (values: Filters, which: Tab = tab) => list.setFilters({ status: which === 'todo' && todoStatus ? todoStatus : values.status, unitId: values.unitId });

  const columns: ColumnsType<SupervisionTask> = useMemo(
    () => [
      { title: t('sup.task.number'), dataIndex: 'taskNumber', width: 170, render: (value: string) => <span className="zt-case-number">{value}</span> },
      {
        title: t('sup.task.title'),
        key: 'title',
        width: 320,
        render: (_: unknown, row) => (
          <div style={{ lineHeight: 1.5 }}>
            <div style={{ fontWeight: 600 }}>{row.title}</div>
            <div className="zt-finding-desc" title={row.content}>
              {row.content}
            </div>
          </div>
        ),
      },
      { title: t('sup.task.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
      { title: t('sup.col.status'), key: 'status', width: 150, render: (_: unknown, row) => <TaskStatusTags task={row} /> },
      { title: t('sup.task.due'), dataIndex: 'dueOn', width: 110, render: (value: string) => formatDate(value) },
      { title: t('sup.task.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
      {
        title: t('common.actions'),
        key: 'actions',
        fixed: 'right',
        width: 90,
        render: (_: unknown, row) => {
          const action = row.canReview ? t('sup.findings.review') : row.canReply ? t('sup.task.reply') : t('common.view');
          return (
            <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)} aria-label={t('sup.task.actionNamed', { action, title: row.title })}>
              {action}
            </Button>
          );
        },
      },
    ],
    [t],
  );

  const content = (
    <>
      <Form form={form} name="task-filter" layout="vertical" onFinish={(values) => applyFilters(values)} style={{ marginBottom: 8 }}>
        <Row gutter={16} align="bottom">
          {tab === 'all' ? (
            <Col xs={12} md={6} xl={4}>
              <Form.Item label={t('sup.filter.status')} name="status">
                <Select allowClear placeholder={t('common.all')} options={TASK_STATUSES.map((status) => ({ value: status, label: t(`sup.task.status.${status}` as MessageKey) }))} />
              </Form.Item>
            </Col>
          ) : null}
          {oversees ? (
            <Col xs={12} md={8} xl={6}>
              <Form.Item label={t('sup.task.unit')} name="unitId">
                <UnitTreeSelect allowClear placeholder={t('common.all')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} xl={6}>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                  {t('common.search')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    applyFilters({});
                  }}
                >
                  {t('common.reset')}
                </Button>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <div ref={scrollRegion}>
      <Table<SupervisionTask>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        onChange={list.onTableChange}
        scroll={list.items.length > 0 ? { x: 1190 } : undefined}
        rowClassName={(row) => (row.overdue ? 'zt-task-row-overdue' : '')}
        locale={{ emptyText: <span className="zt-empty-text">{tab === 'todo' ? t('sup.task.emptyTodo') : t('sup.task.empty')}</span> }}
      />
      </div>
    </>
  );

  return (
    <>
      <PageHeader
        title={t('nav.supTasks')}
        description={oversees ? t('sup.task.descriptionOffice') : t('sup.task.descriptionUnit')}
        extra={
          <Space>
            {oversees ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setIssuing(true)}>
                {t('sup.task.issue')}
              </Button>
            ) : null}
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={refresh}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        {todoStatus ? (
          <Tabs
            activeKey={tab}
            aria-label={t('sup.task.tabs')}
            onChange={(key) => {
              const next = key as Tab;
              setTab(next);
              applyFilters(form.getFieldsValue(), next);
            }}
            items={[
              {
                key: 'todo',
                label: (
                  <Space size={6}>
                    {todoStatus === 'open' ? t('sup.task.tabReply') : t('sup.tab.todoReview')}
                    {todoCount.data ? <Badge count={todoCount.data} overflowCount={999} color="#b91c1c" /> : null}
                  </Space>
                ),
                children: tab === 'todo' ? content : null,
              },
              { key: 'all', label: t('sup.task.tabAll'), children: tab === 'all' ? content : null },
            ]}
          />
        ) : (
          content
        )}
      </Card>
      <IssueTaskModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(task) => {
          setIssuing(false);
          refresh();
          setOpenId(task.id);
        }}
      />
      <TaskDrawer id={openId} onClose={() => setOpenId(null)} onChanged={refresh} />
    </>
  );
}
