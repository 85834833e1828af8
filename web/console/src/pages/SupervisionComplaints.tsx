// 投诉处理: GET /api/supervision/complaints — complaints about the units an office watches, filtered by status and
// unit; a row opens the drawer (ComplaintDetailPanel: the complainant's content and files, the internal notes and
// the reply that closes it), which links to the complaint's own page (#/supervision/complaints/<id>). Rule
// managers set the reply limit (GET/PUT /complaint-policy).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Form, InputNumber, Modal, Row, Select, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LinkOutlined, ReloadOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { detailHref } from '../router.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import ComplaintDetailPanel, { ComplaintStatusTags } from '../supervision/ComplaintDetailPanel.tsx';
import { COMPLAINT_STATUSES, type Complaint, type ComplaintDetail } from '../supervision/types.ts';
import '../supervision/supervision.css';

/** The list's drawer: GET /api/supervision/complaints/:id shown with ComplaintDetailPanel, with a link to its own page. */
function ComplaintDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => (id ? api.get<ComplaintDetail>(`/api/supervision/complaints/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id]);
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(null);
  useEffect(() => setComplaint(loaded.data), [loaded.data]);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={complaint ? t('sup.complaint.drawerTitle', { number: complaint.complaintNumber }) : t('nav.supComplaints')}
      closable={{ 'aria-label': t('common.close') }}
      extra={
        complaint ? (
          <a href={detailHref('/supervision/complaints', complaint.id)}>
            <LinkOutlined aria-hidden="true" /> {t('sup.detail.permalink')}
          </a>
        ) : null
      }
    >
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : !complaint || complaint.id !== id ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : (
        <ComplaintDetailPanel
          complaint={complaint}
          onChanged={(next) => {
            setComplaint(next);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function PolicyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ replyDays: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The field appears only once the current limit has loaded: a value typed before would be overwritten by it.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    setLoaded(false);
    api.get<{ replyDays: number }>('/api/supervision/complaint-policy').then(
      (policy) => {
        if (!live) return;
        form.setFieldsValue(policy);
        setLoaded(true);
      },
      (caught: unknown) => live && setError(errorText(caught)),
    );
    return () => {
      live = false;
    };
  }, [open, form]);
  const submit = async () => {
    let values: { replyDays: number };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await api.put('/api/supervision/complaint-policy', values);
      message.success(t('sup.complaint.policySaved', { n: values.replyDays }));
      onClose();
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('sup.complaint.policyTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} okButtonProps={{ disabled: !loaded }} destroyOnHidden closable={{ 'aria-label': t('common.close') }}>
      <Form form={form} name="complaint-policy" layout="vertical" onFinish={() => void submit()}>
        <p className="zt-hint">{t('sup.complaint.policyHint')}</p>
        {loaded ? (
          <Form.Item label={t('sup.complaint.replyDays')} required>
            <Space align="baseline">
              <Form.Item noStyle name="replyDays" rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('sup.rules.range', { min: 1, max: 60 }) }]}>
                <InputNumber min={1} max={60} precision={0} aria-label={t('sup.complaint.replyDays')} />
              </Form.Item>
              <span>{t('sup.rules.daysUnit')}</span>
            </Space>
          </Form.Item>
        ) : error ? null : (
          <Spin description={t('common.loading')} />
        )}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

export default function SupervisionComplaintsPage() {
  const { t } = useI18n();
  const scrollRegion = useScrollRegion(t('nav.supComplaints'));
  const manages = useCan('supervision.rules.manage');
  const [form] = Form.useForm<{ status?: string; unitId?: string }>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [policyOpen, setPolicyOpen] = useState(false);
  const list = usePagedList<Complaint, { status?: string; unitId?: string }>('/api/supervision/complaints', {});

  const columns: ColumnsType<Complaint> = useMemo(
    () => [
      { title: t('sup.complaint.number'), dataIndex: 'complaintNumber', width: 170, render: (value: string) => <span className="zt-case-number">{value}</span> },
      {
        title: t('sup.complaint.content'),
        key: 'content',
        width: 320,
        render: (_: unknown, row) => (
          <div style={{ lineHeight: 1.5 }}>
            <div style={{ fontWeight: 600 }}>{row.complainantName}{row.caseNumber ? <span className="zt-cell-note"> · {t('sup.subject.case', { label: row.caseNumber })}</span> : null}</div>
            <div className="zt-finding-desc" title={row.content}>{row.content}</div>
          </div>
        ),
      },
      { title: t('sup.complaint.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
      { title: t('sup.col.status'), key: 'status', width: 140, render: (_: unknown, row) => <ComplaintStatusTags complaint={row} /> },
      { title: t('sup.complaint.due'), dataIndex: 'dueOn', width: 110, render: (value: string) => formatDate(value) },
      { title: t('sup.complaint.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
      {
        title: t('common.actions'),
        key: 'actions',
        fixed: 'right',
        width: 90,
        render: (_: unknown, row) => {
          const action = row.canHandle ? t('sup.complaint.handle') : t('common.view');
          return (
            <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)} aria-label={t('sup.complaint.actionNamed', { action, number: row.complaintNumber })}>
              {action}
            </Button>
          );
        },
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader
        title={t('nav.supComplaints')}
        description={t('sup.complaint.description')}
        extra={
          <Space>
            {manages ? (
              <Button icon={<SettingOutlined aria-hidden="true" />} onClick={() => setPolicyOpen(true)}>
                {t('sup.complaint.policyTitle')}
              </Button>
            ) : null}
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={list.reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Form form={form} name="complaint-filter" layout="vertical" onFinish={(values) => list.setFilters({ status: values.status, unitId: values.unitId })} style={{ marginBottom: 8 }}>
          <Row gutter={16} align="bottom">
            <Col xs={12} md={6} xl={4}>
              <Form.Item label={t('sup.filter.status')} name="status">
                <Select allowClear placeholder={t('common.all')} options={COMPLAINT_STATUSES.map((status) => ({ value: status, label: t(`sup.complaint.status.${status}` as MessageKey) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={6}>
              <Form.Item label={t('sup.complaint.unit')} name="unitId">
                <UnitTreeSelect allowClear placeholder={t('common.all')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={6}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                    {t('common.search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      list.setFilters({});
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
        <Table<Complaint>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={list.items.length > 0 ? { x: 1180 } : undefined}
          locale={{ emptyText: <span className="zt-empty-text">{t('sup.complaint.empty')}</span> }}
        />
        </div>
      </Card>
      <ComplaintDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      <PolicyModal open={policyOpen} onClose={() => setPolicyOpen(false)} />
    </>
  );
}
