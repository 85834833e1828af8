// 监察记录: GET /api/supervision/findings — the warnings, yellow and red cards in the viewer's scope, filtered
// by level, handling status, unit and whether the problem still stands. A unit's head starts on what waits for
// the unit's answer (status open), a supervising office on what waits for its review (responded). A row opens
// the drawer with the history and the 申辩/整改 or 审核 form.
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Col, Form, Row, Select, Space, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import FindingDrawer from '../supervision/FindingDrawer.tsx';
import { categoryLabel, FindingStatusTag, LevelTag, levelKey, subjectText } from '../supervision/tags.tsx';
import { FINDING_LEVELS, FINDING_STATUSES, type Finding, type FindingStatus } from '../supervision/types.ts';
import type { Paged } from '../types.ts';

type Filters = { level?: string; status?: string; unitId?: string; resolved?: string };
type Tab = 'todo' | 'all';

interface FilterValues {
  level?: string;
  status?: string;
  unitId?: string;
  resolved?: string;
}

export default function SupervisionFindingsPage() {
  const { t } = useI18n();
  const canRespond = useCan('supervision.findings.respond');
  const oversees = useCan('supervision.oversee');
  // What "待处理" means for this viewer: answers to give (the unit) or answers to review (the office).
  const todoStatus: FindingStatus | null = canRespond ? 'open' : oversees ? 'responded' : null;
  const [tab, setTab] = useState<Tab>(todoStatus ? 'todo' : 'all');
  const [form] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList<Finding, Filters>('/api/supervision/findings', todoStatus ? { status: todoStatus } : {});
  const todoCount = useLoad(() => (todoStatus ? api.get<Paged<Finding>>('/api/supervision/findings', { status: todoStatus, pageSize: 1 }).then((page) => page.total) : Promise.resolve(0)), [todoStatus]);

  const refresh = () => {
    list.reload();
    todoCount.reload();
  };

  const applyFilters = (values: FilterValues, which: Tab = tab) => {
    const status = which === 'todo' && todoStatus ? todoStatus : values.status;
    list.setFilters({ level: values.level, status, unitId: values.unitId, resolved: values.resolved });
  };

  const columns: ColumnsType<Finding> = useMemo(
    () => [
      { title: t('sup.col.level'), dataIndex: 'level', width: 96, fixed: 'left', render: (_: unknown, row) => <LevelTag level={row.level} /> },
      {
        title: t('sup.col.finding'),
        key: 'finding',
        width: 300,
        render: (_: unknown, row) => (
          <div style={{ lineHeight: 1.5 }}>
            <div style={{ fontWeight: 600 }}>{row.ruleName}</div>
            <div className="zt-finding-desc" title={row.description}>
              {categoryLabel(t, row.category)} · {row.description}
            </div>
          </div>
        ),
      },
      {
        title: t('sup.col.subject'),
        key: 'subject',
        width: 220,
        render: (_: unknown, row) => (
          <span className={row.subjectType === 'case' ? 'zt-case-number' : undefined}>{subjectText(t, row.subjectType, row.subjectLabel)}</span>
        ),
      },
      { title: t('sup.col.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
      {
        title: t('sup.col.status'),
        key: 'status',
        width: 150,
        render: (_: unknown, row) => (
          <Space size={2} wrap>
            <FindingStatusTag status={row.status} />
            {row.resolvedAt ? <StatusTag tone="neutral">{t('sup.resolved')}</StatusTag> : null}
          </Space>
        ),
      },
      { title: t('sup.col.raisedAt'), dataIndex: 'raisedAt', width: 170, render: (value: string) => formatDateTime(value) },
      { title: t('sup.col.due'), dataIndex: 'dueOn', width: 110, render: (due: string | null) => formatDate(due) },
      {
        title: t('common.actions'),
        key: 'actions',
        fixed: 'right',
        width: 90,
        render: (_: unknown, row) => {
          const action = row.canReview ? t('sup.findings.review') : row.canRespond ? t('sup.findings.respond') : t('common.view');
          return (
            <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)} aria-label={t('sup.findings.actionNamed', { action, level: t(levelKey(row.level)), subject: subjectText(t, row.subjectType, row.subjectLabel) })}>
              {action}
            </Button>
          );
        },
      },
    ],
    [t],
  );

  const filterForm = (
    <Form form={form} name="finding-filter" layout="vertical" onFinish={(values) => applyFilters(values)} style={{ marginBottom: 8 }}>
      <Row gutter={16} align="bottom">
        <Col xs={12} md={6} xl={4}>
          <Form.Item label={t('sup.filter.level')} name="level">
            <Select allowClear placeholder={t('common.all')} options={FINDING_LEVELS.map((level) => ({ value: level, label: t(levelKey(level)) }))} />
          </Form.Item>
        </Col>
        {tab === 'all' ? (
          <Col xs={12} md={6} xl={4}>
            <Form.Item label={t('sup.filter.status')} name="status">
              <Select allowClear placeholder={t('common.all')} options={FINDING_STATUSES.map((status) => ({ value: status, label: t(`sup.status.${status}`) }))} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={12} md={6} xl={5}>
          <Form.Item label={t('sup.filter.unit')} name="unitId">
            <UnitTreeSelect allowClear placeholder={t('common.all')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item label={t('sup.filter.resolved')} name="resolved">
            <Select
              allowClear
              placeholder={t('common.all')}
              options={[
                { value: 'false', label: t('sup.filter.resolved.false') },
                { value: 'true', label: t('sup.filter.resolved.true') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} xl={5}>
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
  );

  const table = (
    <Table<Finding>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.items}
      loading={list.loading}
      pagination={list.pagination}
      onChange={list.onTableChange}
      scroll={list.items.length > 0 ? { x: 1320 } : undefined}
      rowClassName={(row) => `zt-finding-row-${row.level}`}
      locale={{ emptyText: <span className="zt-empty-text">{tab === 'todo' ? t('sup.findings.emptyTodo') : t('sup.findings.empty')}</span> }}
    />
  );

  const content = (
    <>
      {filterForm}
      {table}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('nav.supFindings')}
        description={t('sup.findings.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={refresh}>
            {t('common.refresh')}
          </Button>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        {todoStatus ? (
          <Tabs
            activeKey={tab}
            aria-label={t('sup.findings.tabs')}
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
                    {todoStatus === 'open' ? t('sup.tab.todoRespond') : t('sup.tab.todoReview')}
                    {todoCount.data ? <Badge count={todoCount.data} overflowCount={999} color="#b91c1c" /> : null}
                  </Space>
                ),
                children: tab === 'todo' ? content : null,
              },
              { key: 'all', label: t('sup.tab.all'), children: tab === 'all' ? content : null },
            ]}
          />
        ) : (
          content
        )}
      </Card>
      <FindingDrawer id={openId} onClose={() => setOpenId(null)} onChanged={refresh} />
    </>
  );
}
