// 投诉处理: GET /api/supervision/complaints — complaints about the units an office watches, filtered by status and
// unit; a row opens the drawer with the complainant's content and files, the internal notes (POST …/notes) and
// the reply that closes it (POST …/reply). Rule managers set the reply limit (GET/PUT /complaint-policy).
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Form, Input, InputNumber, Modal, Row, Select, Space, Spin, Table, Timeline } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CommentOutlined, ReloadOutlined, SearchOutlined, SendOutlined, SettingOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { detailHref } from '../router.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import type { Tone } from '../theme.ts';
import { FileLinks } from '../supervision/files.tsx';
import { COMPLAINT_STATUSES, type Complaint, type ComplaintDetail, type ComplaintStatus } from '../supervision/types.ts';
import '../supervision/supervision.css';

const TONES: Record<ComplaintStatus, Tone> = { submitted: 'warning', handling: 'info', replied: 'success' };

function ComplaintStatusTags({ complaint }: { complaint: Pick<Complaint, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      <StatusTag tone={TONES[complaint.status] ?? 'neutral'}>{t(`sup.complaint.status.${complaint.status}` as MessageKey)}</StatusTag>
      {complaint.overdue ? <StatusTag tone="danger">{t('sup.task.overdue')}</StatusTag> : null}
    </Space>
  );
}

/** One text field and a button posting it; the server's message lands on the field. */
function TextStep({ id, title, icon, label, min, path, field, submitText, done, onDone }: { id: string; title: string; icon: React.ReactNode; label: string; min: number; path: string; field: 'note' | 'reply'; submitText: string; done: string; onDone: (next: ComplaintDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Record<string, string>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<ComplaintDetail>(path, { [field]: (values[field] ?? '').trim() });
      message.success(done);
      form.resetFields();
      onDone(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="zt-finding-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="zt-section-title">
        {icon} {title}
      </h3>
      <Form form={form} name={id} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item label={label} name={field} rules={[{ required: true, whitespace: true, min, message: t('sup.complaint.minChars', { n: min }) }]}>
          <Input.TextArea rows={field === 'reply' ? 5 : 3} maxLength={4000} showCount />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type={field === 'reply' ? 'primary' : 'default'} htmlType="submit" loading={busy} icon={field === 'reply' ? <SendOutlined aria-hidden="true" /> : <CommentOutlined aria-hidden="true" />}>
            {submitText}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}

function ComplaintPanel({ complaint, onChanged }: { complaint: ComplaintDetail; onChanged: (next: ComplaintDetail) => void }) {
  const { t } = useI18n();
  const canOpenCase = useCan('services.cases.read');
  const base = `/api/supervision/complaints/${encodeURIComponent(complaint.id)}`;
  return (
    <div className="zt-finding-detail">
      <section aria-labelledby="complaint-facts">
        <h3 id="complaint-facts" className="zt-section-title" style={{ marginTop: 0 }}>
          {t('sup.complaint.facts')}
        </h3>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'status', label: t('sup.col.status'), children: <ComplaintStatusTags complaint={complaint} /> },
            { key: 'who', label: t('sup.complaint.complainant'), children: `${complaint.complainantName}（${complaint.complainantKind === 'company' ? t('svc.audience.company') : t('svc.audience.person')}）` },
            { key: 'phone', label: t('sup.complaint.phone'), children: complaint.contactPhone ?? '—' },
            { key: 'unit', label: t('sup.complaint.unit'), children: complaint.unitName },
            ...(complaint.caseNumber && complaint.caseId
              ? [{ key: 'case', label: t('sup.complaint.case'), children: canOpenCase ? <a href={detailHref('/cases', complaint.caseId)}>{complaint.caseNumber}</a> : complaint.caseNumber }]
              : []),
            { key: 'created', label: t('sup.complaint.createdAt'), children: formatDateTime(complaint.createdAt) },
            { key: 'due', label: t('sup.complaint.due'), children: formatDate(complaint.dueOn) },
            { key: 'content', label: t('sup.complaint.content'), children: <div className="zt-finding-note" style={{ marginTop: 0 }}>{complaint.content}</div> },
            ...(complaint.files.length > 0 ? [{ key: 'files', label: t('sup.detail.files'), children: <FileLinks files={complaint.files} /> }] : []),
            ...(complaint.reply ? [{ key: 'reply', label: t('sup.complaint.reply'), children: <div className="zt-finding-note" style={{ marginTop: 0 }}>{complaint.reply}</div> }] : []),
          ]}
        />
        {!complaint.canHandle ? <Alert type={complaint.status === 'replied' ? 'success' : 'info'} showIcon title={complaint.status === 'replied' ? t('sup.complaint.closedNote') : t('sup.complaint.readOnly')} style={{ marginTop: 16 }} /> : null}
      </section>
      {complaint.canHandle ? (
        <>
          <TextStep id="complaint-note" title={t('sup.complaint.noteTitle')} icon={<CommentOutlined aria-hidden="true" />} label={t('sup.complaint.note')} min={2} path={`${base}/notes`} field="note" submitText={t('sup.complaint.noteSubmit')} done={t('sup.complaint.noted')} onDone={onChanged} />
          <TextStep id="complaint-reply" title={t('sup.complaint.replyTitle')} icon={<SendOutlined aria-hidden="true" />} label={t('sup.complaint.replyLabel')} min={4} path={`${base}/reply`} field="reply" submitText={t('sup.complaint.replySubmit')} done={t('sup.complaint.replied')} onDone={onChanged} />
        </>
      ) : null}
      <section aria-labelledby="complaint-history" style={{ marginTop: 20 }}>
        <h3 id="complaint-history" className="zt-section-title">
          {t('sup.detail.history')}
        </h3>
        <Timeline
          className="zt-finding-history"
          items={complaint.history.map((entry) => ({
            key: entry.id,
            color: entry.action === 'replied' ? 'green' : entry.action === 'noted' ? 'gray' : 'blue',
            content: (
              <div data-action={entry.action}>
                <div className="zt-cell-note">{formatDateTime(entry.occurredAt)}</div>
                <div>
                  <strong>{t(`sup.complaint.action.${entry.action}` as MessageKey)}</strong>
                  <span style={{ color: '#4b5563' }}> · {entry.actorName}</span>
                </div>
                {entry.note && entry.action !== 'submitted' ? <div className="zt-finding-note">{entry.note}</div> : null}
              </div>
            ),
          }))}
        />
      </section>
    </div>
  );
}

function PolicyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ replyDays: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    api.get<{ replyDays: number }>('/api/supervision/complaint-policy').then((policy) => form.setFieldsValue(policy), (caught: unknown) => setError(errorText(caught)));
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
    <Modal open={open} title={t('sup.complaint.policyTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} destroyOnHidden closable={{ 'aria-label': t('common.close') }}>
      <Form form={form} name="complaint-policy" layout="vertical" onFinish={() => void submit()}>
        <p className="zt-hint">{t('sup.complaint.policyHint')}</p>
        <Form.Item label={t('sup.complaint.replyDays')} required>
          <Space align="baseline">
            <Form.Item noStyle name="replyDays" rules={[{ required: true, type: 'integer', min: 1, max: 60, message: t('sup.rules.range', { min: 1, max: 60 }) }]}>
              <InputNumber min={1} max={60} precision={0} aria-label={t('sup.complaint.replyDays')} />
            </Form.Item>
            <span>{t('sup.rules.daysUnit')}</span>
          </Space>
        </Form.Item>
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
  const loaded = useLoad(() => (openId ? api.get<ComplaintDetail>(`/api/supervision/complaints/${encodeURIComponent(openId)}`) : Promise.resolve(null)), [openId]);
  const [complaint, setComplaint] = useState<ComplaintDetail | null>(null);
  useEffect(() => setComplaint(loaded.data), [loaded.data]);

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
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size={680} destroyOnHidden title={complaint ? t('sup.complaint.drawerTitle', { number: complaint.complaintNumber }) : t('nav.supComplaints')} closable={{ 'aria-label': t('common.close') }}>
        {loaded.error ? (
          <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
        ) : !complaint || complaint.id !== openId ? (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin description={t('common.loading')} />
          </div>
        ) : (
          <ComplaintPanel
            complaint={complaint}
            onChanged={(next) => {
              setComplaint(next);
              list.reload();
            }}
          />
        )}
      </Drawer>
      <PolicyModal open={policyOpen} onClose={() => setPolicyOpen(false)} />
    </>
  );
}
