// 办理流程 tab of the item editor: the diagram, the ordered steps (add, remove, move up/down; each step's
// name, kind, handler, permission, limit and the actions allowed at its kind) and the special procedures.
import { Button, Card, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.ts';
import type { HandledBy, ProcessStep, StepKind } from '../../services/types.ts';
import { ACTIONS_BY_KIND, SPECIAL_PROCEDURES, STEP_KINDS, STEP_PERMISSIONS, actionKey } from '../../services/vocab.ts';
import UnitTreeSelect from '../UnitTreeSelect.tsx';
import CheckboxGroupField from './CheckboxGroupField.tsx';
import ProcessDiagram, { KIND_COLOURS } from './ProcessDiagram.tsx';

/** The step's handler: 受理窗口 / 主办单位 / a named unit (then a unit picker appears). */
function HandledByInput({ id, value, onChange, disabled, stepLabel }: { id?: string; value?: HandledBy; onChange?: (value: HandledBy) => void; disabled?: boolean; stepLabel: string }) {
  const { t } = useI18n();
  const mode = value === 'intake' || value === 'owner' ? value : value ? 'unit' : undefined;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        id={id}
        value={mode}
        disabled={disabled}
        style={{ width: mode === 'unit' ? '45%' : '100%' }}
        onChange={(next: 'intake' | 'owner' | 'unit') => onChange?.(next === 'unit' ? { unitId: '' } : next)}
        options={[
          { value: 'intake', label: t('svc.handledBy.intake') },
          { value: 'owner', label: t('svc.handledBy.owner') },
          { value: 'unit', label: t('svc.handledBy.unit') },
        ]}
      />
      {mode === 'unit' ? (
        <UnitTreeSelect
          aria-label={t('svc.process.handlerUnitOf', { step: stepLabel })}
          value={typeof value === 'object' && value.unitId ? value.unitId : undefined}
          onChange={(unitId) => onChange?.({ unitId: unitId ?? '' })}
          style={{ width: '55%' }}
        />
      ) : null}
    </Space.Compact>
  );
}

const newStep = (index: number): ProcessStep => ({
  key: `step_${index + 1}`,
  name: '',
  kind: 'review',
  handledBy: 'owner',
  permission: 'services.cases.review',
  limitDays: null,
  actions: ['forward'],
  requiresSecondApprover: false,
});

export default function ItemProcessTab({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const steps = (Form.useWatch(['process', 'steps'], form) ?? []) as Array<Partial<ProcessStep> | undefined>;

  const onKindChange = (index: number, kind: StepKind) => {
    const path = ['process', 'steps', index, 'actions'];
    const current = (form.getFieldValue(path) ?? []) as string[];
    const allowed = ACTIONS_BY_KIND[kind];
    const kept = current.filter((action) => allowed.includes(action));
    form.setFieldValue(path, kept.length > 0 ? kept : [allowed[0]]);
  };

  return (
    <>
      <Card
        size="small"
        title={<h2 className="zt-card-title">{t('svc.diagram.title')}</h2>}
        style={{ marginBottom: 16 }}
        extra={
          <Space size={12} wrap aria-label={t('svc.diagram.legend')} role="group">
            {STEP_KINDS.map((kind) => (
              <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 12, color: '#374151' }}>
                <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 3, background: KIND_COLOURS[kind].band, display: 'inline-block' }} />
                {t(`svc.stepKind.${kind}`)}
              </span>
            ))}
          </Space>
        }
      >
        <ProcessDiagram steps={steps} />
      </Card>

      <h2 className="zt-section-title">{t('svc.process.steps')}</h2>
      <Form.List name={['process', 'steps']}>
        {(fields, { add, remove, move }) => (
          <>
            {fields.length === 0 ? <Empty description={t('svc.process.noSteps')} /> : null}
            {fields.map((field, index) => {
              const step = steps[index];
              const label = step?.name?.trim() ? `${index + 1} ${step.name.trim()}` : t('svc.process.stepN', { n: index + 1 });
              const kind = (step?.kind ?? 'review') as StepKind;
              return (
                <section key={field.key} aria-label={label} className="zt-step-card" style={{ borderLeftColor: KIND_COLOURS[kind].band }}>
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
                    <h3 style={{ margin: 0, fontSize: 15, flex: 1 }}>{t('svc.process.stepHeading', { n: index + 1, name: step?.name?.trim() || '—' })}</h3>
                    {!disabled ? (
                      <Space size={4}>
                        <Tooltip title={t('svc.process.moveUp')}>
                          <Button size="small" icon={<ArrowUpOutlined aria-hidden="true" />} disabled={index === 0} aria-label={t('svc.process.moveUpN', { step: label })} onClick={() => move(index, index - 1)} />
                        </Tooltip>
                        <Tooltip title={t('svc.process.moveDown')}>
                          <Button size="small" icon={<ArrowDownOutlined aria-hidden="true" />} disabled={index === fields.length - 1} aria-label={t('svc.process.moveDownN', { step: label })} onClick={() => move(index, index + 1)} />
                        </Tooltip>
                        <Button size="small" danger icon={<DeleteOutlined aria-hidden="true" />} disabled={fields.length <= 1} aria-label={t('svc.process.removeN', { step: label })} onClick={() => remove(field.name)}>
                          {t('svc.remove')}
                        </Button>
                      </Space>
                    ) : null}
                  </div>
                  <Row gutter={12}>
                    <Col xs={24} md={8} xl={4}>
                      <Form.Item label={t('svc.process.key')} name={[field.name, 'key']} rules={[{ required: true, message: t('svc.keyRequired') }, { pattern: /^[a-z][a-z0-9_]{0,29}$/, message: t('svc.keyInvalid') }]}>
                        <Input style={{ fontFamily: 'monospace' }} maxLength={30} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8} xl={5}>
                      <Form.Item label={t('svc.process.name')} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('svc.process.nameRequired') }]}>
                        <Input maxLength={40} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8} xl={4}>
                      <Form.Item label={t('svc.process.kind')} name={[field.name, 'kind']} rules={[{ required: true }]}>
                        <Select onChange={(next: StepKind) => onKindChange(index, next)} options={STEP_KINDS.map((k) => ({ value: k, label: t(`svc.stepKind.${k}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12} xl={5}>
                      <Form.Item label={t('svc.process.handledBy')} name={[field.name, 'handledBy']} rules={[{ required: true }]}>
                        <HandledByInput disabled={disabled} stepLabel={label} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6} xl={3}>
                      <Form.Item label={t('svc.process.permission')} name={[field.name, 'permission']} rules={[{ required: true }]}>
                        <Select options={STEP_PERMISSIONS.map((p) => ({ value: p, label: t(`svc.permission.${p.split('.')[2] as 'accept' | 'review' | 'decide'}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6} xl={3}>
                      <Form.Item label={t('svc.process.limitDays')} name={[field.name, 'limitDays']}>
                        <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('svc.days')} placeholder={t('svc.process.noLimit')} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item label={t('svc.process.actions')} name={[field.name, 'actions']} rules={[{ required: true, type: 'array', min: 1, message: t('svc.process.actionsRequired') }]} style={{ marginBottom: 0 }}>
                    <CheckboxGroupField label={t('svc.process.actionsOf', { step: label })} options={ACTIONS_BY_KIND[kind].map((action) => ({ value: action, label: t(actionKey(action)) }))} />
                  </Form.Item>
                </section>
              );
            })}
            {!disabled ? (
              <Button type="dashed" block icon={<PlusOutlined aria-hidden="true" />} onClick={() => add(newStep(fields.length))} disabled={fields.length >= 20} style={{ marginBottom: 24 }}>
                {t('svc.process.addStep')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>

      <h2 className="zt-section-title">{t('svc.process.special')}</h2>
      <p style={{ color: '#4b5563', marginTop: 0 }}>{t('svc.process.specialHint')}</p>
      <Form.List name={['process', 'specialProcedures']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Row key={field.key} gutter={12} align="top" wrap={false}>
                <Col flex="260px">
                  <Form.Item label={t('svc.process.procedureN', { n: index + 1 })} name={[field.name, 'kind']} rules={[{ required: true, message: t('svc.process.procedureRequired') }]}>
                    <Select options={SPECIAL_PROCEDURES.map((kind) => ({ value: kind, label: t(`svc.procedure.${kind}`) }))} />
                  </Form.Item>
                </Col>
                <Col flex="200px">
                  <Form.Item label={t('svc.process.maxDays')} name={[field.name, 'maxDays']} rules={[{ required: true, message: t('svc.process.maxDaysRequired') }]}>
                    <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} suffix={t('svc.days')} />
                  </Form.Item>
                </Col>
                {!disabled ? (
                  <Col flex="none">
                    <Form.Item label={<span className="zt-visually-hidden">{t('svc.remove')}</span>}>
                      <Button danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('svc.process.removeProcedureN', { n: index + 1 })} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Col>
                ) : null}
              </Row>
            ))}
            {!disabled ? (
              <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ kind: undefined, maxDays: 10 })} disabled={fields.length >= 10}>
                {t('svc.process.addProcedure')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </>
  );
}
