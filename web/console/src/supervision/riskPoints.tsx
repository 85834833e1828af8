// The integrity risk register's pieces: the level tag (高 highlighted), the add/edit dialog (POST / PATCH
// /api/supervision/risk-points; the step chosen from the item's published process), and the read-only panel
// the case page shows beside the current step.
import { useEffect, useState } from 'react';
import { Alert, App, Empty, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import StatusTag from '../components/StatusTag.tsx';
import type { ProcessStep } from '../services/types.ts';
import type { Tone } from '../theme.ts';
import { RISK_LEVELS, RISK_TYPES, type RiskPoint } from './types.ts';
import './supervision.css';

const LEVEL_TONES: Record<string, Tone> = { high: 'danger', medium: 'warning', low: 'info' };

/** 高 / 中 / 低 as a tag; high is red. */
export function RiskLevelTag({ level }: { level: string }) {
  const { t } = useI18n();
  const known = (RISK_LEVELS as readonly string[]).includes(level);
  return <StatusTag tone={LEVEL_TONES[level] ?? 'neutral'}>{known ? t(`sup.risk.level.${level}` as MessageKey) : level}</StatusTag>;
}

export function riskTypeLabel(t: (key: MessageKey) => string, point: Pick<RiskPoint, 'riskType' | 'riskTypeName'>): string {
  return (RISK_TYPES as readonly string[]).includes(point.riskType) ? t(`sup.risk.type.${point.riskType}` as MessageKey) : point.riskTypeName;
}

/** The steps of an item's process: the staff view first, the published guide when the staff view is refused. */
export async function loadItemProcess(itemId: string): Promise<{ name: string; steps: ProcessStep[] }> {
  type Item = { name: string; process: { steps: ProcessStep[] } };
  let item: Item;
  try {
    item = await api.get<Item>(`/api/service-items/${encodeURIComponent(itemId)}`);
  } catch {
    item = await api.get<Item>(`/api/public/service-items/${encodeURIComponent(itemId)}`);
  }
  return { name: item.name, steps: item.process.steps };
}

interface RiskValues {
  stepKey: string;
  name: string;
  riskType: string;
  level: string;
  description: string;
  controlMeasures: string;
  requiresSecondApprover: boolean;
}

export type RiskEdit = { mode: 'add'; itemId: string } | { mode: 'edit'; point: RiskPoint };

export function RiskPointModal({ edit, onClose, onSaved }: { edit: RiskEdit | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RiskValues>();
  const itemId = edit ? (edit.mode === 'add' ? edit.itemId : edit.point.itemId) : null;
  const item = useLoad(() => (itemId ? loadItemProcess(itemId) : Promise.resolve({ name: '', steps: [] as ProcessStep[] })), [itemId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!edit) return;
    setError(null);
    form.resetFields();
    if (edit.mode === 'edit') {
      const p = edit.point;
      form.setFieldsValue({ stepKey: p.stepKey, name: p.name, riskType: p.riskType, level: p.level, description: p.description, controlMeasures: p.controlMeasures, requiresSecondApprover: p.requiresSecondApprover });
    } else form.setFieldsValue({ riskType: 'approval', level: 'medium', requiresSecondApprover: false });
  }, [edit, form]);

  const submit = async () => {
    if (!edit) return;
    let values: RiskValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = { ...values, name: values.name.trim(), description: values.description.trim(), controlMeasures: values.controlMeasures.trim() };
      if (edit.mode === 'add') await api.post('/api/supervision/risk-points', { itemId: edit.itemId, ...body });
      else await api.patch(`/api/supervision/risk-points/${encodeURIComponent(edit.point.id)}`, body);
      message.success(edit.mode === 'add' ? t('sup.risk.added') : t('sup.risk.saved'));
      onSaved();
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const itemName = edit?.mode === 'edit' ? edit.point.itemName : (item.data?.name ?? '');
  const text = { required: true, whitespace: true, min: 2, message: t('sup.risk.textRequired') };
  return (
    <Modal open={edit !== null} title={edit?.mode === 'edit' ? t('sup.risk.editTitle', { name: edit.point.name }) : t('sup.risk.addTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} width={640} destroyOnHidden closable={{ 'aria-label': t('common.close') }}>
      <p className="zt-hint">{t('sup.risk.forItem', { item: itemName })}</p>
      <Form form={form} name="risk-point" layout="vertical" requiredMark onFinish={() => void submit()}>
        <Form.Item label={t('sup.risk.step')} name="stepKey" rules={[{ required: true, message: t('sup.risk.stepRequired') }]}>
          <Select loading={item.loading} options={(item.data?.steps ?? []).map((step) => ({ value: step.key, label: step.name }))} notFoundContent={item.error ? errorText(item.error) : t('common.noData')} />
        </Form.Item>
        <Form.Item label={t('sup.risk.name')} name="name" rules={[text]}>
          <Input maxLength={80} />
        </Form.Item>
        <Space size={16} style={{ display: 'flex' }} wrap>
          <Form.Item label={t('sup.risk.type')} name="riskType" rules={[{ required: true }]} style={{ minWidth: 200 }}>
            <Select options={RISK_TYPES.map((type) => ({ value: type, label: t(`sup.risk.type.${type}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item label={t('sup.risk.levelLabel')} name="level" rules={[{ required: true }]} style={{ minWidth: 140 }}>
            <Select options={RISK_LEVELS.map((level) => ({ value: level, label: t(`sup.risk.level.${level}` as MessageKey) }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('sup.risk.description')} name="description" rules={[text]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('sup.risk.controlMeasures')} name="controlMeasures" rules={[text]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('sup.risk.secondApprover')} name="requiresSecondApprover" valuePropName="checked" extra={t('sup.risk.secondApproverHint')}>
          <Switch />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}

/** The case page's 廉政风险点 panel: the item's points, those of the current step first and marked. */
export function CaseRiskPointsPanel({ itemId, currentStepKey }: { itemId: string; currentStepKey: string | null }) {
  const { t } = useI18n();
  const loaded = useLoad(() => api.get<{ items: RiskPoint[] }>('/api/supervision/risk-points', { itemId }).then((result) => result.items), [itemId]);
  if (loaded.error) return <Alert type="warning" showIcon title={errorText(loaded.error)} />;
  const points = [...(loaded.data ?? [])].sort((a, b) => Number(b.stepKey === currentStepKey) - Number(a.stepKey === currentStepKey));
  if (!loaded.data) return null;
  if (points.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sup.risk.noneForItem')} />;
  return (
    <ul className="zt-risk-list">
      {points.map((point) => (
        <li key={point.id} className={`zt-risk-entry${point.level === 'high' ? ' zt-risk-high' : ''}${point.stepKey === currentStepKey ? ' zt-risk-current' : ''}`}>
          <div className="zt-risk-head">
            <RiskLevelTag level={point.level} />
            <strong>{point.name}</strong>
          </div>
          <div className="zt-cell-note">
            {point.stepName ?? point.stepKey}
            {point.stepKey === currentStepKey ? ` · ${t('sup.risk.currentStep')}` : ''} · {riskTypeLabel(t, point)}
          </div>
          <div className="zt-risk-text">{point.description}</div>
          <div className="zt-risk-text">
            <SafetyCertificateOutlined aria-hidden="true" /> {t('sup.risk.controlMeasures')}：{point.controlMeasures}
          </div>
          {point.requiresSecondApprover ? <StatusTag tone="warning">{t('sup.risk.secondApproverShort')}</StatusTag> : null}
        </li>
      ))}
    </ul>
  );
}
