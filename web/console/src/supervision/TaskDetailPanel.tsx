// One supervision task (督查督办): what was asked of which unit by when, its history with the files, and the
// step the viewer may take now — the unit's reply (POST …/reply {text, fileIds}) when `canReply`, the office's
// acceptance or return with an opinion (POST …/review {decision, opinion}) when `canReview`.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Space } from 'antd';
import { AuditOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDate, formatDateTime } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import StatusTag from '../components/StatusTag.tsx';
import type { Tone } from '../theme.ts';
import type { StoredFile } from '../services/types.ts';
import { FileUploader } from './files.tsx';
import FactsSection from './FactsSection.tsx';
import HistorySection from './HistorySection.tsx';
import type { SupervisionTask, SupervisionTaskDetail, TaskAction, TaskStatus } from './types.ts';
import './supervision.css';

const STATUS_TONES: Record<TaskStatus, Tone> = { open: 'warning', answered: 'info', closed: 'success' };

/** A task's status, with 已超期 beside it while a reply is late. */
export function TaskStatusTags({ task }: { task: Pick<SupervisionTask, 'status' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      <StatusTag tone={STATUS_TONES[task.status] ?? 'neutral'}>{t(`sup.task.status.${task.status}` as MessageKey)}</StatusTag>
      {task.overdue ? <StatusTag tone="danger">{t('sup.task.overdue')}</StatusTag> : null}
    </Space>
  );
}

const ACTION_COLOURS: Partial<Record<TaskAction['action'], string>> = { issued: 'blue', replied: 'blue', accepted: 'green', returned: 'orange' };

function ReplyForm({ task, onDone }: { task: SupervisionTaskDetail; onDone: (next: SupervisionTaskDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: { text: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<SupervisionTaskDetail>(`/api/supervision/tasks/${encodeURIComponent(task.id)}/reply`, { text: values.text.trim(), fileIds: files.map((file) => file.id) });
      message.success(t('sup.task.replied'));
      onDone(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zt-finding-step" aria-labelledby="task-reply-title">
      <h3 id="task-reply-title" className="zt-section-title">
        <SendOutlined aria-hidden="true" /> {t('sup.task.replyTitle')}
      </h3>
      <Form form={form} name="task-reply" layout="vertical" initialValues={{ text: '' }} onFinish={submit} requiredMark>
        <Form.Item label={t('sup.task.replyText')} name="text" rules={[{ required: true, whitespace: true, min: 4, message: t('sup.task.replyRequired') }]}>
          <Input.TextArea rows={4} maxLength={8000} showCount />
        </Form.Item>
        <FileUploader id="task-reply-files" label={t('sup.task.replyFiles')} hint={t('sup.respond.filesHint', { n: 20 })} files={files} onChange={setFiles} onBusy={setUploading} dataAttr="task-reply-files" />
        {error ? <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} /> : null}
        <Form.Item style={{ marginTop: 16, marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy} disabled={uploading} icon={<SendOutlined aria-hidden="true" />}>
            {t('sup.task.replySubmit')}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}

interface ReviewValues {
  decision: 'accept' | 'return';
  opinion: string;
}

function ReviewForm({ task, onDone }: { task: SupervisionTaskDetail; onDone: (next: SupervisionTaskDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const decision = Form.useWatch('decision', form) ?? 'accept';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: ReviewValues) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<SupervisionTaskDetail>(`/api/supervision/tasks/${encodeURIComponent(task.id)}/review`, { decision: values.decision, opinion: (values.opinion ?? '').trim() });
      message.success(values.decision === 'accept' ? t('sup.task.accepted') : t('sup.task.returned'));
      onDone(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zt-finding-step" aria-labelledby="task-review-title">
      <h3 id="task-review-title" className="zt-section-title">
        <AuditOutlined aria-hidden="true" /> {t('sup.review.title')}
      </h3>
      <Form form={form} name="task-review" layout="vertical" initialValues={{ decision: 'accept', opinion: '' }} onFinish={submit} requiredMark>
        <Form.Item label={t('sup.review.decision')} name="decision" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'accept', label: t('sup.task.accept') },
              { value: 'return', label: t('sup.task.return') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('sup.review.opinion')} name="opinion" extra={t('sup.review.opinionHint')} rules={decision === 'return' ? [{ required: true, whitespace: true, min: 2, message: t('sup.review.opinionRequired') }] : []}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy} danger={decision === 'return'} icon={<AuditOutlined aria-hidden="true" />}>
            {decision === 'accept' ? t('sup.task.acceptSubmit') : t('sup.task.returnSubmit')}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}

function StateNote({ task }: { task: SupervisionTaskDetail }) {
  const { t } = useI18n();
  if (task.canReply || task.canReview) return null;
  const text = task.status === 'open' ? t('sup.task.waitingUnit') : task.status === 'answered' ? t('sup.task.waitingReview') : t('sup.task.closedNote');
  return <Alert type={task.status === 'closed' ? 'success' : 'info'} showIcon title={text} style={{ marginTop: 16 }} />;
}

/**
 * The task's facts, history and the action the viewer may take; `onChanged` gets the task after an action. Used by
 * the tasks list's drawer and by the task's own page (there with level-2 section headings).
 */
export default function TaskDetailPanel({ task, onChanged, headingLevel = 3 }: { task: SupervisionTaskDetail; onChanged: (next: SupervisionTaskDetail) => void; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  return (
    <div className="zt-finding-detail">
      <FactsSection id="task-facts" title={t('sup.task.facts')} headingLevel={headingLevel}
        items={[
          { key: 'number', label: t('sup.task.number'), children: <span className="zt-case-number">{task.taskNumber}</span> },
          { key: 'status', label: t('sup.col.status'), children: <TaskStatusTags task={task} /> },
          { key: 'unit', label: t('sup.task.unit'), children: task.unitName },
          { key: 'office', label: t('sup.task.office'), children: `${task.officeUnitName} · ${task.issuedByName}` },
          { key: 'due', label: t('sup.task.due'), children: formatDate(task.dueOn) },
          { key: 'created', label: t('sup.task.createdAt'), children: formatDateTime(task.createdAt) },
          ...(task.closedAt ? [{ key: 'closed', label: t('sup.task.closedAt'), children: formatDateTime(task.closedAt) }] : []),
          { key: 'content', label: t('sup.task.content'), children: <div className="zt-finding-note" style={{ marginTop: 0 }}>{task.content}</div> },
        ]}
      >
        <StateNote task={task} />
      </FactsSection>
      {task.canReply ? <ReplyForm task={task} onDone={onChanged} /> : null}
      {task.canReview ? <ReviewForm task={task} onDone={onChanged} /> : null}
      <HistorySection id="task-history" entries={task.history} label={(action) => t(`sup.task.action.${action}` as MessageKey)} colours={ACTION_COLOURS} headingLevel={headingLevel} />
    </div>
  );
}
