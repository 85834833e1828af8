// 即办件批量审批: POST /api/cases/batch-approve {cases: [{caseId, version}], opinion} — each selected
// on-the-spot case is accepted and approved on its own; the answer lists every case's outcome, shown here.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { api } from '../../api.ts';
import { errorText } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { detailHref } from '../../router.ts';
import type { BatchResult } from '../../services/hallTools.ts';
import type { QueueEntry } from '../../services/types.ts';

export default function BatchApproveModal({ entries, open, onClose, onDone }: { entries: QueueEntry[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ opinion: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<BatchResult[] | null>(null);
  const byCase = new Map(entries.map((entry) => [entry.caseId, entry]));
  const [shown, setShown] = useState<Map<string, QueueEntry>>(new Map());

  const close = () => {
    setResults(null);
    setError(null);
    onClose();
  };

  const submit = async ({ opinion }: { opinion: string }) => {
    setBusy(true);
    setError(null);
    try {
      const response = await api.post<{ results: BatchResult[] }>('/api/cases/batch-approve', {
        cases: entries.map((entry) => ({ caseId: entry.caseId, version: entry.version })),
        opinion: opinion.trim() || t('svc.batch.opinionDefault'),
      });
      setShown(byCase);
      setResults(response.results);
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const okCount = results?.filter((result) => result.ok).length ?? 0;

  return (
    <Modal
      open={open}
      title={results ? t('svc.batch.resultTitle') : t('svc.batch.title')}
      onCancel={close}
      destroyOnHidden
      width={640}
      footer={
        results ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t('svc.batch.submit')}
            </Button>
          </>
        )
      }
    >
      {results ? (
        <div role="status">
          <Alert
            type={okCount === results.length ? 'success' : okCount === 0 ? 'error' : 'warning'}
            showIcon
            title={t('svc.batch.summary', { ok: okCount, failed: results.length - okCount })}
            style={{ marginBottom: 12 }}
          />
          <h3 className="zt-subtitle" style={{ marginTop: 0 }}>
            {t('svc.batch.results')}
          </h3>
          <ul className="zt-batch-results">
            {results.map((result) => {
              const entry = shown.get(result.caseId);
              return (
                <li key={result.caseId} className={result.ok ? 'ok' : 'failed'}>
                  {result.ok ? <CheckCircleFilled aria-hidden="true" style={{ color: '#15803d' }} /> : <CloseCircleFilled aria-hidden="true" style={{ color: '#b91c1c' }} />}
                  <div>
                    <a href={detailHref('/cases', result.caseId)} className="zt-case-number">
                      {entry?.caseNumber ?? result.caseId}
                    </a>
                    {entry ? <span className="zt-batch-item"> · {entry.itemName} · {entry.applicantName}</span> : null}
                    <div className="zt-batch-outcome">
                      <strong>{result.ok ? t('svc.batch.ok') : t('svc.batch.failed')}</strong>
                      {result.message ? t('svc.batch.reason', { message: result.message }) : ''}
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <>
          <p style={{ marginTop: 0 }}>{t('svc.batch.intro', { n: entries.length })}</p>
          <ul className="zt-batch-results">
            {entries.map((entry) => (
              <li key={entry.taskId}>
                <span className="zt-case-number">{entry.caseNumber}</span>
                <span className="zt-batch-item"> · {entry.itemName} · {entry.applicantName}</span>
              </li>
            ))}
          </ul>
          <Form form={form} name="batch-approve" layout="vertical" onFinish={submit} initialValues={{ opinion: t('svc.batch.opinionDefault') }} style={{ marginTop: 16 }}>
            <Form.Item label={t('svc.batch.opinion')} name="opinion" extra={t('svc.batch.opinionHint')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </>
      )}
    </Modal>
  );
}
