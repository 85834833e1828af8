// One rectification of a bad rating: the case and the rating, then the two steps the unit takes —
// the call-back (POST /api/rectifications/:id/callback {note}) and closing with the result and the reply to
// the applicant (POST …/close {result, replyToApplicant}, refused by the server before a call-back).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Space, Spin } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { api } from '../../api.ts';
import { applyIssues, errorText, formatDate, formatDateTime } from '../../format.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useI18n } from '../../i18n.ts';
import { detailHref } from '../../router.ts';
import type { Rectification } from '../../services/hallTools.ts';
import { RatingTag, RectificationProgress } from './RectificationTags.tsx';
import StatusTag from '../StatusTag.tsx';

function StepTitle({ id, n, state, children }: { id: string; n: number; state: 'done' | 'current' | 'waiting'; children: string }) {
  return (
    <h3 id={id}>
      <span className={`zt-step-number ${state === 'current' ? '' : state}`} aria-hidden="true">
        {n}
      </span>
      {children}
    </h3>
  );
}

function CallbackStep({ record, onSaved }: { record: Rectification; onSaved: (next: Rectification) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const done = record.callbackAt !== null;

  const save = async ({ note }: { note: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<Rectification>(`/api/rectifications/${encodeURIComponent(record.id)}/callback`, { note: note.trim() });
      message.success(t('svc.rect.callbackSaved'));
      onSaved(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zt-rect-step" aria-labelledby="rect-step-callback">
      <StepTitle id="rect-step-callback" n={1} state={done ? 'done' : 'current'}>
        {t('svc.rect.step.callback')}
      </StepTitle>
      {done ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'at', label: t('svc.rect.callbackAt'), children: formatDateTime(record.callbackAt) },
            { key: 'note', label: t('svc.rect.callbackNote'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{record.callbackNote}</span> },
          ]}
        />
      ) : (
        <Form form={form} name="rectification-callback" layout="vertical" onFinish={save} requiredMark>
          <Form.Item
            label={t('svc.rect.callbackNote')}
            name="note"
            extra={t('svc.rect.callbackHint')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('svc.rect.callbackRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} icon={<PhoneOutlined aria-hidden="true" />}>
              {t('svc.rect.recordCallback')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </section>
  );
}

function CloseStep({ record, onClosed }: { record: Rectification; onClosed: (next: Rectification) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ result: string; replyToApplicant: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const closed = record.status === 'done';
  const ready = record.callbackAt !== null;

  const close = async (values: { result: string; replyToApplicant: string }) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<Rectification>(`/api/rectifications/${encodeURIComponent(record.id)}/close`, { result: values.result.trim(), replyToApplicant: values.replyToApplicant.trim() });
      message.success(t('svc.rect.closedMsg'));
      onClosed(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zt-rect-step" aria-labelledby="rect-step-close">
      <StepTitle id="rect-step-close" n={2} state={closed ? 'done' : ready ? 'current' : 'waiting'}>
        {t('svc.rect.step.close')}
      </StepTitle>
      {closed ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            { key: 'at', label: t('svc.rect.closedAt'), children: formatDateTime(record.closedAt) },
            { key: 'result', label: t('svc.rect.result'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{record.result}</span> },
            { key: 'reply', label: t('svc.rect.reply'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{record.replyToApplicant}</span> },
          ]}
        />
      ) : (
        <Form form={form} name="rectification-close" layout="vertical" onFinish={close} requiredMark disabled={!ready}>
          {!ready ? <p className="zt-hint">{t('svc.rect.callbackFirst')}</p> : null}
          <Form.Item label={t('svc.rect.result')} name="result" extra={t('svc.rect.resultHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('svc.rect.resultRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item
            label={t('svc.rect.reply')}
            name="replyToApplicant"
            extra={t('svc.rect.replyHint')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('svc.rect.replyRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('svc.rect.close')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </section>
  );
}

export default function RectificationDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => (id ? api.get<Rectification>(`/api/rectifications/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id]);
  const [record, setRecord] = useState<Rectification | null>(null);
  useEffect(() => setRecord(loaded.data), [loaded.data]);
  const update = (next: Rectification) => {
    setRecord(next);
    onChanged();
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={record ? t('svc.rect.drawerTitle', { number: record.caseNumber }) : t('nav.rectifications')}
      closable={{ 'aria-label': t('common.close') }}
    >
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : !record || record.id !== id ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : (
        <>
          <section aria-labelledby="rect-facts" style={{ marginBottom: 16 }}>
            <h3 id="rect-facts" className="zt-section-title" style={{ marginTop: 0 }}>
              {t('svc.rect.caseFacts')}
            </h3>
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'case',
                  label: t('svc.case.caseNumber'),
                  children: (
                    <Space size={8} wrap>
                      <span className="zt-case-number">{record.caseNumber}</span>
                      <a href={detailHref('/cases', record.caseId)}>{t('svc.rect.openCase')}</a>
                    </Space>
                  ),
                },
                { key: 'item', label: t('svc.case.itemName'), children: record.itemName },
                { key: 'unit', label: t('svc.case.ownerUnit'), children: record.unitName },
                { key: 'applicant', label: t('svc.case.applicant'), children: record.applicantName },
                { key: 'phone', label: t('svc.rect.phone'), children: record.applicantPhone ?? '—' },
                { key: 'level', label: t('svc.rect.level'), children: <RatingTag level={record.level} fallback={record.levelName} /> },
                { key: 'rated', label: t('svc.rect.ratedAt'), children: formatDateTime(record.ratedAt) },
                {
                  key: 'due',
                  label: t('svc.rect.dueOn'),
                  children: (
                    <Space size={4}>
                      <span>{formatDate(record.dueOn)}</span>
                      {record.overdue ? <StatusTag tone="danger">{t('svc.rect.overdue')}</StatusTag> : null}
                    </Space>
                  ),
                },
                { key: 'progress', label: t('svc.rect.progress'), children: <RectificationProgress record={record} /> },
              ]}
            />
            <h4 className="zt-subtitle">{t('svc.rect.comment')}</h4>
            <blockquote className="zt-rect-quote">{record.comment || t('svc.rect.noComment')}</blockquote>
          </section>
          <h3 className="zt-section-title">{t('svc.rect.steps')}</h3>
          <CallbackStep record={record} onSaved={update} />
          <CloseStep record={record} onClosed={update} />
        </>
      )}
    </Drawer>
  );
}
