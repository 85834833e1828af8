// 考核公式: PUT /api/supervision/score-formula — the three weights of the part scores (summing to 1) and the
// points the discipline part loses per warning, yellow card, red card, complaint and overdue task. The form
// checks the sum as the server does; the server's own messages are shown on their fields and above the buttons.
import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, InputNumber, Modal, Row } from 'antd';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import type { ScoreFormula } from './types.ts';

const WEIGHTS = ['onTime', 'satisfaction', 'discipline'] as const;
const DEDUCTIONS = [
  ['warning', 20],
  ['yellow', 50],
  ['red', 100],
  ['complaint', 50],
  ['overdueTask', 50],
] as const;

export default function ScoreFormulaModal({ formula, open, onClose, onSaved }: { formula: ScoreFormula | null; open: boolean; onClose: () => void; onSaved: (formula: ScoreFormula) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreFormula>();
  const weights = Form.useWatch('weights', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sum = WEIGHTS.reduce((total, key) => total + (Number(weights?.[key]) || 0), 0);
  const sumOk = Math.abs(sum - 1) < 1e-9;

  useEffect(() => {
    if (!open || !formula) return;
    form.setFieldsValue(formula);
    setError(null);
  }, [open, formula, form]);

  const submit = async () => {
    let values: ScoreFormula;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<ScoreFormula>('/api/supervision/score-formula', values);
      message.success(t('sup.scores.formulaSaved'));
      onSaved(saved);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('sup.scores.formulaTitle')} onCancel={onClose} onOk={() => void submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} width={620} destroyOnHidden closable={{ 'aria-label': t('common.close') }}>
      <Form form={form} name="score-formula" layout="vertical" onFinish={() => void submit()}>
        <fieldset className="zt-fieldset">
          <legend>{t('sup.scores.weights')}</legend>
          <p className="zt-hint">{t('sup.scores.weightsHint')}</p>
          <Row gutter={16}>
            {WEIGHTS.map((key) => (
              <Col span={8} key={key}>
                <Form.Item label={t(`sup.scores.weight.${key}` as MessageKey)} name={['weights', key]} rules={[{ required: true, type: 'number', min: 0, max: 1, message: t('sup.scores.weightRange') }]}>
                  <InputNumber min={0} max={1} step={0.05} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <p className={sumOk ? 'zt-hint' : 'zt-form-error-text'} role="status" aria-live="polite">
            {t('sup.scores.weightSum', { sum: Math.round(sum * 100) / 100 })}
          </p>
        </fieldset>
        <fieldset className="zt-fieldset">
          <legend>{t('sup.scores.deductions')}</legend>
          <p className="zt-hint">{t('sup.scores.deductionsHint')}</p>
          <Row gutter={16}>
            {DEDUCTIONS.map(([key, max]) => (
              <Col xs={12} md={8} key={key}>
                <Form.Item label={t(`sup.scores.deduction.${key}` as MessageKey)} name={['deductions', key]} rules={[{ required: true, type: 'number', min: 0, max, message: t('sup.scores.deductionRange', { max }) }]}>
                  <InputNumber min={0} max={max} step={0.5} precision={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </fieldset>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
