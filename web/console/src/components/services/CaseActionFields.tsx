// The form fields of each staff action on a case (POST /api/cases/:id/actions), and the command built from them.
import { Button, Form, Input, InputNumber, Radio, Select, TreeSelect } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { buildUnitTree, useOrgUnits, type UnitNode } from '../../hooks/useOrgTree.ts';
import { useI18n } from '../../i18n.ts';
import type { CaseDetail, Discretion, Material, SpecialProcedureLimit } from '../../services/types.ts';
import { SPECIAL_PROCEDURES, procedureKey, type CaseAction } from '../../services/vocab.ts';
import UnitTreeSelect from '../UnitTreeSelect.tsx';
import CaseFeeFields, { feesOf, prefilledFees, type FeeFacts, type FeeRow } from './CaseFeeFields.tsx';

/**
 * What the case's item offers the forms: its materials, special procedures, discretion standard and fees (when
 * readable; `charged` is null when the guide could not be read).
 */
export interface ItemFacts extends FeeFacts {
  materials: Material[];
  specialProcedures: SpecialProcedureLimit[] | null;
  discretion: Discretion[];
}

const OTHER = '__other__';

export interface ActionValues {
  opinion?: string;
  reason?: string;
  legalBasis?: string;
  items?: Array<{ materialKey?: string; name?: string; requirement?: string }>;
  note?: string;
  toStepKey?: string;
  toUnitId?: string;
  unitIds?: string[];
  question?: string;
  agree?: boolean;
  procedure?: string;
  plannedDays?: number;
  result?: string;
  circumstance?: string;
  amount?: number;
  text?: string;
  fees?: FeeRow[];
}

const text = (value: string | undefined) => (value ?? '').trim();

/** The command body for an action from the form values. */
export function buildCommand(action: CaseAction, values: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'accept':
    case 'forward':
    case 'approve':
      return { action, opinion: text(values.opinion) };
    case 'conclude':
      return { action, opinion: text(values.opinion), fees: feesOf(values.fees) };
    case 'refuse':
    case 'deny':
    case 'no_penalty':
      return { action, reason: text(values.reason), legalBasis: text(values.legalBasis) };
    case 'request_supplement':
      return {
        action,
        items: (values.items ?? []).map((item) => ({ materialKey: item.materialKey && item.materialKey !== OTHER ? item.materialKey : null, name: text(item.name), requirement: text(item.requirement) })),
        note: text(values.note),
      };
    case 'send_back':
      return { action, toStepKey: values.toStepKey, reason: text(values.reason) };
    case 'transfer':
      return { action, toUnitId: values.toUnitId, reason: text(values.reason) };
    case 'countersign':
      return { action, unitIds: values.unitIds ?? [], question: text(values.question) };
    case 'countersign_reply':
      return { action, agree: values.agree ?? true, opinion: text(values.opinion) };
    case 'suspend':
      return { action, procedure: values.procedure, reason: text(values.reason), plannedDays: values.plannedDays };
    case 'resume':
      return { action, result: text(values.result) };
    case 'penalize':
      return { action, circumstance: values.circumstance, amount: values.amount, opinion: text(values.opinion), legalBasis: text(values.legalBasis) };
    case 'recall':
      return { action, reason: text(values.reason) };
    case 'note':
      return { action, text: text(values.text) };
  }
}

/** Initial values per action (a supplement request starts with one row; the conclusion's fees, once the item is read). */
export function initialValuesFor(action: CaseAction, facts: ItemFacts | null): ActionValues {
  if (action === 'request_supplement') return { items: [{ materialKey: undefined, name: '', requirement: '' }] };
  if (action === 'conclude') return facts ? { fees: prefilledFees(facts) } : {};
  if (action === 'countersign_reply') return { agree: true };
  return {};
}

function toTree(nodes: UnitNode[]): Array<{ value: string; title: string; children: ReturnType<typeof toTree> }> {
  return nodes.map((node) => ({ value: node.unit.id, title: node.unit.name, children: toTree(node.children) }));
}

function Reason({ label, name = 'reason', required = true, rows = 3 }: { label: string; name?: string; required?: boolean; rows?: number }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} name={name} rules={required ? [{ required: true, whitespace: true, message: t('svc.act.required', { field: label }) }, { min: 2, message: t('svc.act.min2', { field: label }) }] : []}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={2000} />
    </Form.Item>
  );
}

function SupplementItems({ materials }: { materials: Material[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ActionValues>();
  const options = [...materials.map((m) => ({ value: m.key, label: m.name })), { value: OTHER, label: t('svc.act.otherMaterial') }];
  return (
    <Form.List name="items">
      {(fields, { add, remove }) => (
        <fieldset className="zt-fieldset">
          <legend>{t('svc.act.supplementItems')}</legend>
          {fields.map((field, index) => (
            <div key={field.key} className="zt-supplement-row">
              <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
                <strong style={{ fontSize: 13 }}>{t('svc.act.itemN', { n: index + 1 })}</strong>
                <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden="true" />} disabled={fields.length <= 1} aria-label={t('svc.act.removeItemN', { n: index + 1 })} onClick={() => remove(field.name)} />
              </div>
              <Form.Item label={t('svc.act.material')} name={[field.name, 'materialKey']} style={{ marginBottom: 8 }}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={options}
                  placeholder={t('svc.act.materialPlaceholder')}
                  onChange={(key: string | undefined) => {
                    const picked = materials.find((m) => m.key === key);
                    if (picked) form.setFieldValue(['items', field.name, 'name'], picked.name);
                  }}
                />
              </Form.Item>
              <Form.Item label={t('svc.act.materialName')} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('svc.act.materialNameRequired') }]} style={{ marginBottom: 8 }}>
                <Input maxLength={120} />
              </Form.Item>
              <Form.Item label={t('svc.act.requirement')} name={[field.name, 'requirement']} rules={[{ required: true, whitespace: true, message: t('svc.act.requirementRequired') }]} style={{ marginBottom: 4 }}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} />
              </Form.Item>
            </div>
          ))}
          <Button type="dashed" block icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ name: '', requirement: '' })} disabled={fields.length >= 40}>
            {t('svc.act.addItem')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

export default function CaseActionFields({ action, detail, facts }: { action: CaseAction; detail: CaseDetail; facts: ItemFacts | null }) {
  const { t } = useI18n();
  const { units } = useOrgUnits();
  const tree = useMemo(() => toTree(buildUnitTree(units)), [units]);
  const form = Form.useFormInstance<ActionValues>();
  const circumstanceCode = Form.useWatch('circumstance', form) as string | undefined;
  const procedureKind = Form.useWatch('procedure', form) as string | undefined;
  const circumstances = (facts?.discretion ?? []).flatMap((standard) => standard.circumstances.map((c) => ({ ...c, violation: standard.violation, basis: standard.basis })));
  const chosenCircumstance = circumstances.find((c) => c.code === circumstanceCode);
  const procedures = facts?.specialProcedures ?? SPECIAL_PROCEDURES.map((kind) => ({ kind, maxDays: 365 }));
  const chosenProcedure = procedures.find((p) => p.kind === procedureKind);
  const currentIndex = detail.steps.findIndex((step) => step.state === 'current');
  const backTargets = detail.steps.filter((_, index) => index > 0 && index < currentIndex);
  const legalBasis = <Reason label={t('svc.act.legalBasis')} name="legalBasis" rows={2} />;

  switch (action) {
    case 'accept':
    case 'forward':
    case 'approve':
    case 'conclude':
      return (
        <>
          {action === 'conclude' ? <CaseFeeFields facts={facts} /> : null}
          <Form.Item label={t('svc.act.opinion')} name="opinion" extra={t('svc.act.opinionHint')} style={action === 'conclude' ? { marginTop: 16 } : undefined}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'refuse':
    case 'deny':
    case 'no_penalty':
      return (
        <>
          <Reason label={t('svc.act.reason')} />
          {legalBasis}
        </>
      );
    case 'request_supplement':
      return (
        <>
          <p className="zt-hint">{t('svc.act.supplementHint')}</p>
          <SupplementItems materials={facts?.materials ?? []} />
          <Form.Item label={t('svc.act.note')} name="note" style={{ marginTop: 12 }}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      );
    case 'send_back':
      return (
        <>
          <Form.Item label={t('svc.act.toStep')} name="toStepKey" rules={[{ required: true, message: t('svc.act.toStepRequired') }]} extra={backTargets.length === 0 ? t('svc.act.noBackTarget') : undefined}>
            <Select options={backTargets.map((step) => ({ value: step.key, label: step.name }))} />
          </Form.Item>
          <Reason label={t('svc.act.reason')} />
        </>
      );
    case 'transfer':
      return (
        <>
          <Form.Item label={t('svc.act.toUnit')} name="toUnitId" rules={[{ required: true, message: t('svc.act.toUnitRequired') }]}>
            <UnitTreeSelect style={{ width: '100%' }} />
          </Form.Item>
          <Reason label={t('svc.act.reason')} />
        </>
      );
    case 'countersign':
      return (
        <>
          <Form.Item label={t('svc.act.countersignUnits')} name="unitIds" rules={[{ required: true, type: 'array', min: 1, message: t('svc.act.countersignUnitsRequired') }]}>
            <TreeSelect multiple treeData={tree} showSearch={{ treeNodeFilterProp: 'title' }} treeDefaultExpandAll={units.length < 60} style={{ width: '100%' }} placeholder={t('common.selectUnit')} />
          </Form.Item>
          <Reason label={t('svc.act.question')} name="question" />
        </>
      );
    case 'countersign_reply':
      return (
        <>
          <Form.Item label={t('svc.act.agree')} name="agree">
            <Radio.Group
              options={[
                { value: true, label: t('svc.act.agreeYes') },
                { value: false, label: t('svc.act.agreeNo') },
              ]}
            />
          </Form.Item>
          <Reason label={t('svc.act.opinion')} name="opinion" />
        </>
      );
    case 'suspend':
      return (
        <>
          <Form.Item label={t('svc.act.procedure')} name="procedure" rules={[{ required: true, message: t('svc.act.procedureRequired') }]}>
            <Select options={procedures.map((p) => ({ value: p.kind, label: facts?.specialProcedures ? t('svc.act.procedureOption', { name: t(procedureKey(p.kind)), n: p.maxDays }) : t(procedureKey(p.kind)) }))} />
          </Form.Item>
          <Form.Item label={t('svc.act.plannedDays')} name="plannedDays" rules={[{ required: true, message: t('svc.act.plannedDaysRequired') }]} extra={chosenProcedure && facts?.specialProcedures ? t('svc.act.plannedDaysMax', { n: chosenProcedure.maxDays }) : undefined}>
            <InputNumber min={1} max={chosenProcedure?.maxDays ?? 365} precision={0} style={{ width: '100%' }} suffix={t('svc.days')} />
          </Form.Item>
          <Reason label={t('svc.act.reason')} />
        </>
      );
    case 'resume':
      return <Reason label={t('svc.act.result')} name="result" />;
    case 'penalize':
      return (
        <>
          <Form.Item label={t('svc.act.circumstance')} name="circumstance" rules={[{ required: true, message: t('svc.act.circumstanceRequired') }]} extra={chosenCircumstance ? t('svc.act.circumstanceBasis', { basis: chosenCircumstance.basis }) : undefined}>
            {/* Grouped by violation: circumstances of different violations often share a name (轻微, 一般, 严重). */}
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(facts?.discretion ?? []).map((standard, index) => ({
                key: `violation-${index}`,
                label: t('svc.act.violationGroup', { violation: standard.violation }),
                options: standard.circumstances.map((c) => ({ value: c.code, label: t('common.qualified', { name: c.name, note: t('svc.fees.yuanRange', { min: c.fineMin, max: c.fineMax }) }) })),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('svc.act.amount')} name="amount" rules={[{ required: true, message: t('svc.act.amountRequired') }]} extra={chosenCircumstance ? t('svc.act.amountRange', { min: chosenCircumstance.fineMin, max: chosenCircumstance.fineMax }) : undefined}>
            <InputNumber min={chosenCircumstance?.fineMin ?? 0} max={chosenCircumstance?.fineMax ?? 100_000_000} precision={2} style={{ width: '100%' }} suffix={t('svc.yuan')} />
          </Form.Item>
          <Reason label={t('svc.act.penaltyOpinion')} name="opinion" />
          {legalBasis}
        </>
      );
    case 'recall':
      return <Reason label={t('svc.act.reason')} />;
    case 'note':
      return <Reason label={t('svc.act.noteText')} name="text" />;
  }
}
