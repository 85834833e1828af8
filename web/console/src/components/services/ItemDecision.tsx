// The item editor's version history table and its decision dialogs: 审核发布 (optional note),
// 退回 (note required), 停用 (reason required).
import { useState } from 'react';
import { Alert, Form, Input, Modal, Table } from 'antd';
import { api } from '../../api.ts';
import { applyIssues, errorText, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { ItemStatusTag } from '../../services/tags.tsx';
import type { ItemDetail, VersionSummary } from '../../services/types.ts';

export function ItemHistoryTab({ history, current }: { history: VersionSummary[]; current: string }) {
  const { t } = useI18n();
  return (
    <Table<VersionSummary>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={[...history].sort((a, b) => b.versionNo - a.versionNo)}
      columns={[
        {
          title: t('svc.history.version'),
          dataIndex: 'versionNo',
          width: 120,
          render: (n: number, row) => (
            <span>
              v{n}
              {row.id === current ? <span style={{ marginLeft: 6, color: '#1d4ed8', fontSize: 12 }}>{t('svc.history.current')}</span> : null}
            </span>
          ),
        },
        { title: t('svc.history.status'), dataIndex: 'status', width: 110, render: (status: VersionSummary['status']) => <ItemStatusTag status={status} /> },
        { title: t('svc.history.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
        { title: t('svc.history.submittedAt'), dataIndex: 'submittedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
        { title: t('svc.history.reviewedAt'), dataIndex: 'reviewedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
        { title: t('svc.history.publishedAt'), dataIndex: 'publishedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
        { title: t('svc.history.reviewNote'), dataIndex: 'reviewNote', render: (v: string | null) => v || '—' },
      ]}
      scroll={{ x: 1100 }}
    />
  );
}

export type Decision = 'publish' | 'return' | 'retire';

/** One dialog for the three decisions; resolves with the refreshed item (or null after retiring). */
export function DecisionModal({ item, decision, onClose, onDone }: { item: ItemDetail; decision: Decision | null; onClose: () => void; onDone: (item: ItemDetail | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ note?: string; reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const required = decision === 'return' || decision === 'retire';
  const base = `/api/service-items/${encodeURIComponent(item.id)}`;

  const submit = async (values: { note?: string; reason?: string }) => {
    if (!decision) return;
    const note = values.reason ?? values.note ?? '';
    setBusy(true);
    setError(null);
    try {
      if (decision === 'retire') {
        await api.post(`${base}/retire`, { reason: note.trim() });
        onDone(null);
      } else {
        onDone(await api.post<ItemDetail>(`${base}/review`, { decision, note: note.trim() }));
      }
    } catch (caught) {
      if (!applyIssues(form, caught)) setError(errorText(caught));
      else setError(null);
    } finally {
      setBusy(false);
    }
  };

  const title = decision ? t(`svc.decision.${decision}.title`) : '';
  return (
    <Modal
      open={decision !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={decision ? t(`svc.decision.${decision}.ok`) : ''}
      okButtonProps={{ danger: decision === 'retire' || decision === 'return' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <p style={{ marginTop: 0, color: '#374151' }}>{decision ? t(`svc.decision.${decision}.hint`, { name: item.name, v: item.version.versionNo }) : null}</p>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} name="item-decision" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          label={decision === 'retire' ? t('svc.decision.reason') : t('svc.decision.note')}
          name={decision === 'retire' ? 'reason' : 'note'}
          rules={required ? [{ required: true, whitespace: true, message: t('svc.decision.noteRequired') }, { min: 2, message: t('svc.decision.noteRequired') }] : []}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
