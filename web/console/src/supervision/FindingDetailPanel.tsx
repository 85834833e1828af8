// One finding: what was found and where, its whole handling history with the files of each answer, and the
// step the viewer may take now — the unit's 申辩/整改 (POST …/response {kind, text, fileIds}, files uploaded
// first through POST /api/files) when `canRespond`, the office's 审核 (POST …/review {decision, opinion}) when
// `canReview`. Used by the findings list's drawer and by the finding's own page.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Space } from 'antd';
import { AuditOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDate, formatDateTime } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import { useCan } from '../session.ts';
import StatusTag from '../components/StatusTag.tsx';
import type { StoredFile } from '../services/types.ts';
import { actionLabel, categoryLabel, FindingStatusTag, LevelTag, subjectText } from './tags.tsx';
import { FileUploader } from './files.tsx';
import FactsSection from './FactsSection.tsx';
import HistorySection from './HistorySection.tsx';
import type { FindingActionKind, FindingDetail } from './types.ts';
import './supervision.css';

const MAX_FILES = 20;

const ACTION_COLOURS: Partial<Record<FindingActionKind, string>> = { raised: 'red', resolved: 'gray', explained: 'blue', rectified: 'blue', accepted: 'green', rejected: 'orange' };

interface RespondValues {
  kind: 'explain' | 'rectify';
  text: string;
}

function RespondForm({ finding, onDone }: { finding: FindingDetail; onDone: (next: FindingDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RespondValues>();
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: RespondValues) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<FindingDetail>(`/api/supervision/findings/${encodeURIComponent(finding.id)}/response`, { kind: values.kind, text: values.text.trim(), fileIds: files.map((file) => file.id) });
      message.success(t('sup.respond.submitted'));
      onDone(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zt-finding-step" aria-labelledby="finding-respond-title">
      <h3 id="finding-respond-title" className="zt-section-title">
        <SendOutlined aria-hidden="true" /> {t('sup.respond.title')}
      </h3>
      <Form form={form} name="finding-respond" layout="vertical" initialValues={{ kind: 'explain', text: '' }} onFinish={submit} requiredMark>
        <Form.Item label={t('sup.respond.kind')} name="kind" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'explain', label: t('sup.respond.explain') },
              { value: 'rectify', label: t('sup.respond.rectify') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('sup.respond.text')} name="text" rules={[{ required: true, whitespace: true, min: 4, message: t('sup.respond.textRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <FileUploader
          id="finding-files"
          label={t('sup.respond.files')}
          hint={t('sup.respond.filesHint', { n: MAX_FILES })}
          addLabel={t('sup.respond.addFile')}
          files={files}
          onChange={setFiles}
          onBusy={setUploading}
          max={MAX_FILES}
          dataAttr="finding-files"
        />
        {error ? <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} /> : null}
        <Form.Item style={{ marginTop: 16, marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy} disabled={uploading} icon={<SendOutlined aria-hidden="true" />}>
            {t('sup.respond.submit')}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}

interface ReviewValues {
  decision: 'accept' | 'reject';
  opinion: string;
}

function ReviewForm({ finding, onDone }: { finding: FindingDetail; onDone: (next: FindingDetail) => void }) {
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
      const next = await api.post<FindingDetail>(`/api/supervision/findings/${encodeURIComponent(finding.id)}/review`, { decision: values.decision, opinion: (values.opinion ?? '').trim() });
      message.success(values.decision === 'accept' ? t('sup.review.accepted') : t('sup.review.rejected'));
      onDone(next);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="zt-finding-step" aria-labelledby="finding-review-title">
      <h3 id="finding-review-title" className="zt-section-title">
        <AuditOutlined aria-hidden="true" /> {t('sup.review.title')}
      </h3>
      <Form form={form} name="finding-review" layout="vertical" initialValues={{ decision: 'accept', opinion: '' }} onFinish={submit} requiredMark>
        <Form.Item label={t('sup.review.decision')} name="decision" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'accept', label: t('sup.review.accept') },
              { value: 'reject', label: t('sup.review.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('sup.review.opinion')}
          name="opinion"
          extra={t('sup.review.opinionHint')}
          rules={decision === 'reject' ? [{ required: true, whitespace: true, min: 2, message: t('sup.review.opinionRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={busy} danger={decision === 'reject'} icon={<AuditOutlined aria-hidden="true" />}>
            {decision === 'accept' ? t('sup.review.submitAccept') : t('sup.review.submitReject')}
          </Button>
        </Form.Item>
      </Form>
    </section>
  );
}

function StateNote({ finding }: { finding: FindingDetail }) {
  const { t } = useI18n();
  if (finding.canRespond || finding.canReview) return null;
  const text =
    finding.status === 'notified'
      ? t('sup.detail.warningOnly')
      : finding.status === 'open'
        ? t('sup.detail.waitingUnit')
        : finding.status === 'responded'
          ? t('sup.detail.waitingReview')
          : t('sup.detail.closed');
  return <Alert type={finding.status === 'closed' ? 'success' : 'info'} showIcon title={text} style={{ marginTop: 16 }} />;
}

/** The finding's facts, history and the action the viewer may take; `onChanged` gets the finding after an action. */
export default function FindingDetailPanel({ finding, onChanged, headingLevel = 3 }: { finding: FindingDetail; onChanged: (next: FindingDetail) => void; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const canOpenCase = useCan('services.cases.read', 'services.cases.accept', 'services.cases.review', 'services.cases.decide');
  const subject = subjectText(t, finding.subjectType, finding.subjectLabel);
  return (
    <div className="zt-finding-detail">
      <FactsSection id="finding-facts" title={t('sup.detail.facts')} headingLevel={headingLevel}
        items={[
          {
            key: 'level',
            label: t('sup.col.level'),
            children: (
              <Space size={8} wrap>
                <LevelTag level={finding.level} />
                <FindingStatusTag status={finding.status} />
                {finding.resolvedAt ? <StatusTag tone="neutral">{t('sup.resolved')}</StatusTag> : null}
              </Space>
            ),
          },
          { key: 'rule', label: t('sup.detail.rule'), children: t('common.qualified', { name: finding.ruleName, note: categoryLabel(t, finding.category) }) },
          { key: 'description', label: t('sup.detail.description'), children: finding.description },
          {
            key: 'subject',
            label: t('sup.detail.subject'),
            children:
              finding.subjectType === 'case' && canOpenCase ? (
                <Space size={8} wrap>
                  <span className="zt-case-number">{subject}</span>
                  <a href={detailHref('/cases', finding.subjectId)}>{t('sup.detail.openCase')}</a>
                </Space>
              ) : (
                subject
              ),
          },
          { key: 'unit', label: t('sup.detail.unit'), children: finding.unitName },
          ...(finding.dueOn ? [{ key: 'due', label: t('sup.detail.due'), children: formatDate(finding.dueOn) }] : []),
          { key: 'raised', label: t('sup.detail.raisedAt'), children: formatDateTime(finding.raisedAt) },
          ...(finding.resolvedAt ? [{ key: 'resolved', label: t('sup.detail.resolvedAt'), children: formatDateTime(finding.resolvedAt) }] : []),
        ]}
      >
        <StateNote finding={finding} />
      </FactsSection>
      {finding.canRespond ? <RespondForm finding={finding} onDone={onChanged} /> : null}
      {finding.canReview ? <ReviewForm finding={finding} onDone={onChanged} /> : null}
      <HistorySection id="finding-history" entries={finding.history} label={(action) => actionLabel(t, action)} colours={ACTION_COLOURS} headingLevel={headingLevel} />
    </div>
  );
}
