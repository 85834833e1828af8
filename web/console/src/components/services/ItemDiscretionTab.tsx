// 裁量基准 tab of a penalty item (行政处罚): violations, each with its legal basis and 1–10 circumstances
// (code, description, fine range). The decide step offers exactly these circumstances and refuses a fine outside
// the chosen one's range, so the checks here are the server's (service-guide.schema.ts), with the same messages.
import { Alert, Button, Form, Input, InputNumber, Table } from 'antd';
import type { FormListFieldData, FormRule } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.ts';
import type { Discretion } from '../../services/types.ts';

const MAX_VIOLATIONS = 50;
const MAX_CIRCUMSTANCES = 10;
const MAX_FINE = 100_000_000;
const cellItem = { style: { marginBottom: 0 } };
type Translate = ReturnType<typeof useI18n>['t'];

const newCircumstance = () => ({ code: '', name: '', fineMin: 0, fineMax: 0 });
const circumstancePath = (v: number, c: number, field: string) => ['guide', 'discretion', v, 'circumstances', c, field];

/** A code must not repeat anywhere earlier in the standard: a decision names only the code (the server flags the later one too). */
function uniqueCodeRule(t: Translate, v: number, c: number): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      const code = typeof value === 'string' ? value.trim() : '';
      if (!code) return;
      const standard = (getFieldValue(['guide', 'discretion']) ?? []) as Array<Partial<Discretion> | undefined>;
      const earlier = standard.some((violation, vi) => (violation?.circumstances ?? []).some((other, ci) => (vi < v || (vi === v && ci < c)) && other?.code?.trim() === code));
      if (earlier) throw new Error(t('svc.discretion.codeDuplicate', { code }));
    },
  });
}

function fineOrderRule(t: Translate, v: number, c: number): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      const min = getFieldValue(circumstancePath(v, c, 'fineMin')) as unknown;
      if (typeof value === 'number' && typeof min === 'number' && value < min) throw new Error(t('svc.discretion.fineOrder'));
    },
  });
}

function CircumstanceTable({ violation, v, disabled }: { violation: FormListFieldData; v: number; disabled: boolean }) {
  const { t } = useI18n();
  const fine = (field: FormListFieldData, c: number, which: 'fineMin' | 'fineMax') => (
    <Form.Item
      {...cellItem}
      name={[field.name, which]}
      dependencies={which === 'fineMax' ? [circumstancePath(violation.name, field.name, 'fineMin')] : undefined}
      rules={[{ required: true, message: t('svc.discretion.fineRequired') }, ...(which === 'fineMax' ? [fineOrderRule(t, violation.name, field.name)] : [])]}
    >
      <InputNumber aria-label={t(which === 'fineMin' ? 'svc.discretion.cellFineMin' : 'svc.discretion.cellFineMax', { v, n: c + 1 })} min={0} max={MAX_FINE} precision={2} style={{ width: '100%' }} suffix={t('svc.yuan')} />
    </Form.Item>
  );
  return (
    <Form.List
      name={[violation.name, 'circumstances']}
      rules={[{ validator: async (_rule, list?: unknown[]) => { if (!list || list.length === 0) throw new Error(t('svc.discretion.circumstancesRequired')); } }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table<FormListFieldData>
            className="zt-edit-table"
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={fields}
            scroll={{ x: 860 }}
            locale={{ emptyText: t('svc.discretion.noCircumstances') }}
            columns={[
              { title: t('svc.discretion.code'), width: 170, key: 'code', render: (_: unknown, field, c) => <Form.Item {...cellItem} name={[field.name, 'code']} rules={[{ required: true, message: t('svc.keyRequired') }, { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('svc.keyInvalid') }, uniqueCodeRule(t, violation.name, field.name)]}><Input aria-label={t('svc.discretion.cellCode', { v, n: c + 1 })} style={{ fontFamily: 'monospace' }} maxLength={40} /></Form.Item> },
              { title: t('svc.discretion.name'), width: 300, key: 'name', render: (_: unknown, field, c) => <Form.Item {...cellItem} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('svc.discretion.nameRequired') }]}><Input.TextArea aria-label={t('svc.discretion.cellName', { v, n: c + 1 })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={80} /></Form.Item> },
              { title: t('svc.discretion.fineMin'), width: 160, key: 'fineMin', render: (_: unknown, field, c) => fine(field, c, 'fineMin') },
              { title: t('svc.discretion.fineMax'), width: 160, key: 'fineMax', render: (_: unknown, field, c) => fine(field, c, 'fineMax') },
              ...(disabled
                ? []
                : [{ title: <span className="zt-visually-hidden">{t('common.actions')}</span>, key: 'remove', width: 56, render: (_: unknown, field: FormListFieldData, c: number) => <Button danger type="text" icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('svc.discretion.removeCircumstance', { v, n: c + 1 })} onClick={() => remove(field.name)} /> }]),
            ]}
          />
          <Form.ErrorList errors={errors} />
          {disabled ? null : (
            <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden="true" />} style={{ marginTop: 8 }} disabled={fields.length >= MAX_CIRCUMSTANCES} onClick={() => add(newCircumstance())} aria-label={t('svc.discretion.addCircumstanceTo', { v })}>
              {t('svc.discretion.addCircumstance')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

export default function ItemDiscretionTab({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <p className="zt-hint" style={{ marginTop: 0 }}>
        {t('svc.discretion.hint')}
      </p>
      <Form.List name={['guide', 'discretion']}>
        {(violations, { add, remove }) => (
          <>
            {violations.length === 0 ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('svc.discretion.empty')} /> : null}
            {violations.map((violation, index) => {
              const v = index + 1;
              return (
                <section key={violation.key} className="zt-discretion-violation" aria-labelledby={`violation-${violation.key}`}>
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
                    <h3 id={`violation-${violation.key}`} className="zt-section-title" style={{ margin: 0, flex: 1 }}>
                      {t('svc.discretion.violationN', { n: v })}
                    </h3>
                    {disabled ? null : (
                      <Button danger size="small" icon={<DeleteOutlined aria-hidden="true" />} onClick={() => remove(violation.name)} aria-label={t('svc.discretion.removeViolationN', { n: v })}>
                        {t('svc.remove')}
                      </Button>
                    )}
                  </div>
                  <Form.Item label={t('svc.discretion.violation')} name={[violation.name, 'violation']} rules={[{ required: true, whitespace: true, message: t('svc.discretion.violationRequired') }]}>
                    <Input.TextArea aria-label={t('svc.discretion.cellViolation', { n: v })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={200} showCount />
                  </Form.Item>
                  <Form.Item label={t('svc.discretion.basis')} name={[violation.name, 'basis']} rules={[{ required: true, whitespace: true, message: t('svc.discretion.basisRequired') }]}>
                    <Input.TextArea aria-label={t('svc.discretion.cellBasis', { n: v })} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={300} showCount />
                  </Form.Item>
                  <CircumstanceTable violation={violation} v={v} disabled={disabled} />
                </section>
              );
            })}
            {disabled ? null : (
              <Button type="dashed" block icon={<PlusOutlined aria-hidden="true" />} style={{ marginTop: 12 }} disabled={violations.length >= MAX_VIOLATIONS} onClick={() => add({ violation: '', basis: '', circumstances: [newCircumstance()] })}>
                {t('svc.discretion.addViolation')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </>
  );
}
