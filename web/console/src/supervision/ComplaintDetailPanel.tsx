// One complaint (投诉): the complainant's content and files, the unit and case it names, the internal notes
// (POST …/notes {note}) and the reply that closes it (POST …/reply {reply}) when `canHandle`, and its history.
// Used by the complaints list's drawer and by the complaint's own page.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { CommentOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDate, formatDateTime } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { detailHref } from '../router.ts';
import { useCan } from '../session.ts';
import StatusTag from '../components/StatusTag.tsx';
import type { Tone } from '../theme.ts';
import { FileLinks } from './files.tsx';
import FactsSection from './FactsSection.tsx';
import HistorySection from './HistorySection.tsx';
import type { Complaint, ComplaintDetail, ComplaintStatus } from './types.ts';
import './supervision.css';

const TONES: Record<ComplaintStatus, Tone> = { submitted: 'warning', handling: 'info', replied: 'success' };
const ACTION_COLOURS: Partial<Record<ComplaintDetail['history'][number]['action'], string>> = { submitted: 'blue', noted: 'gray', replied: 'green' };

/** A complaint's status, with 已超期 beside it while the reply is late. */
export function ComplaintStatusTags({ complaint }: { complaint: Pick<Complaint, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      <StatusTag tone={TONES[complaint.status] ?? 'neutral'}>{t(`sup.complaint.status.${complaint.status}` as MessageKey)}</StatusTag>
      {complaint.overdue ? <StatusTag tone="danger">{t('sup.task.overdue')}</StatusTag> : null}
    </Space>
  );
}

interface TextStepProps {
  id: string;
  title: string;
  icon: ReactNode;
  label: string;
  min: number;
  path: string;
  field: 'note' | 'reply';
  submitText: string;
  done: string;
  onDone: (next: ComplaintDetail) => void;
}

/** One text field and a button posting it; the server's message lands on the field. */
function TextStep({ id, title, icon, label, min, path, field, submitText, done, onDone }: TextStepProps) {
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

/** The complaint's facts, the note and reply forms when the viewer handles it, and its history. */
export default function ComplaintDetailPanel({ complaint, onChanged, headingLevel = 3 }: { complaint: ComplaintDetail; onChanged: (next: ComplaintDetail) => void; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const canOpenCase = useCan('services.cases.read');
  const base = `/api/supervision/complaints/${encodeURIComponent(complaint.id)}`;
  return (
    <div className="zt-finding-detail">
      <FactsSection id="complaint-facts" title={t('sup.complaint.facts')} headingLevel={headingLevel}
        items={[
          { key: 'number', label: t('sup.complaint.number'), children: <span className="zt-case-number">{complaint.complaintNumber}</span> },
          { key: 'status', label: t('sup.col.status'), children: <ComplaintStatusTags complaint={complaint} /> },
          { key: 'who', label: t('sup.complaint.complainant'), children: t('common.qualified', { name: complaint.complainantName, note: complaint.complainantKind === 'company' ? t('svc.audience.company') : t('svc.audience.person') }) },
          { key: 'phone', label: t('sup.complaint.phone'), children: complaint.contactPhone ?? '—' },
          { key: 'unit', label: t('sup.complaint.unit'), children: complaint.unitName },
          ...(complaint.caseNumber && complaint.caseId
            ? [{ key: 'case', label: t('sup.complaint.case'), children: canOpenCase ? <a href={detailHref('/cases', complaint.caseId)}>{complaint.caseNumber}</a> : complaint.caseNumber }]
            : []),
          { key: 'created', label: t('sup.complaint.createdAt'), children: formatDateTime(complaint.createdAt) },
          { key: 'due', label: t('sup.complaint.due'), children: formatDate(complaint.dueOn) },
          ...(complaint.repliedAt ? [{ key: 'replied', label: t('sup.complaint.repliedAt'), children: formatDateTime(complaint.repliedAt) }] : []),
          { key: 'content', label: t('sup.complaint.content'), children: <div className="zt-finding-note" style={{ marginTop: 0 }}>{complaint.content}</div> },
          ...(complaint.files.length > 0 ? [{ key: 'files', label: t('sup.detail.files'), children: <FileLinks files={complaint.files} /> }] : []),
          ...(complaint.reply ? [{ key: 'reply', label: t('sup.complaint.reply'), children: <div className="zt-finding-note" style={{ marginTop: 0 }}>{complaint.reply}</div> }] : []),
        ]}
      >
        {!complaint.canHandle ? <Alert type={complaint.status === 'replied' ? 'success' : 'info'} showIcon title={complaint.status === 'replied' ? t('sup.complaint.closedNote') : t('sup.complaint.readOnly')} style={{ marginTop: 16 }} /> : null}
      </FactsSection>
      {complaint.canHandle ? (
        <>
          <TextStep id="complaint-note" title={t('sup.complaint.noteTitle')} icon={<CommentOutlined aria-hidden="true" />} label={t('sup.complaint.note')} min={2} path={`${base}/notes`} field="note" submitText={t('sup.complaint.noteSubmit')} done={t('sup.complaint.noted')} onDone={onChanged} />
          <TextStep id="complaint-reply" title={t('sup.complaint.replyTitle')} icon={<SendOutlined aria-hidden="true" />} label={t('sup.complaint.replyLabel')} min={4} path={`${base}/reply`} field="reply" submitText={t('sup.complaint.replySubmit')} done={t('sup.complaint.replied')} onDone={onChanged} />
        </>
      ) : null}
      <HistorySection
        id="complaint-history"
        entries={complaint.history}
        label={(action) => t(`sup.complaint.action.${action}` as MessageKey)}
        colours={ACTION_COLOURS}
        hideNoteOf={['submitted']}
        headingLevel={headingLevel}
      />
    </div>
  );
}
