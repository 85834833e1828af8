// 收取费用 of the conclude (办结) action: the fees collected, sent as `fees: [{ name, amount }]` and checked by
// electronic supervision against the item's standard fees. A charged item's rows start from its guide's fees
// (name and standard amount) for staff to confirm, edit or remove; a free item shows 不收费 and sends none.
import { AutoComplete, Button, Form, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { formatYuan } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { Fee } from '../../services/types.ts';

/** The most fees one conclusion records (the server's limit). */
export const MAX_FEES = 20;
const MAX_AMOUNT = 100_000_000;

/** What the conclude form needs of the item: whether it charges (null when the guide could not be read) and its fees. */
export interface FeeFacts {
  charged: boolean | null;
  fees: Fee[];
}

export interface FeeRow {
  name?: string;
  amount?: number | null;
}

/** The rows the form starts with: the guide's fees at their standard amounts, for a charged item. */
export function prefilledFees(facts: FeeFacts): FeeRow[] {
  return facts.charged ? facts.fees.map((fee) => ({ name: fee.name, amount: fee.amount })) : [];
}

/** The command's `fees` from the form rows (names trimmed; validation already ran). */
export function feesOf(rows: FeeRow[] | undefined): Array<{ name: string; amount: number }> {
  return (rows ?? []).map((row) => ({ name: (row.name ?? '').trim(), amount: Number(row.amount) }));
}

/** Hundredths of a yuan: whether a number has at most two decimals, allowing binary rounding. */
function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

function FeeNote({ row, standard }: { row: FeeRow | undefined; standard: Fee[] }) {
  const { t } = useI18n();
  const name = (row?.name ?? '').trim();
  if (!name) return null;
  const listed = standard.find((fee) => fee.name === name);
  const amount = typeof row?.amount === 'number' ? row.amount : null;
  if (!listed) {
    return (
      <span className="zt-fee-warning">
        <WarningOutlined aria-hidden="true" /> {t('svc.fee.unlisted')}
      </span>
    );
  }
  if (amount !== null && Math.abs(amount - listed.amount) > 0.005) {
    return (
      <span className="zt-fee-warning">
        <WarningOutlined aria-hidden="true" /> {t('svc.fee.differs', { amount: formatYuan(listed.amount) })}
      </span>
    );
  }
  return <span>{t('svc.fee.standard', { amount: formatYuan(listed.amount) })}</span>;
}

/** The fees section of the conclude form (its rows are the form's `fees` list). */
export default function CaseFeeFields({ facts }: { facts: FeeFacts | null }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('fees', form) as FeeRow[] | undefined) ?? [];
  const legend = <legend>{t('svc.fee.legend')}</legend>;

  if (!facts) {
    return (
      <fieldset className="zt-fieldset zt-fees" aria-busy="true">
        {legend}
        <p className="zt-hint">{t('svc.fee.loading')}</p>
      </fieldset>
    );
  }
  if (facts.charged === false) {
    return (
      <fieldset className="zt-fieldset zt-fees">
        {legend}
        <p className="zt-fee-free">
          <strong>{t('svc.fee.free')}</strong>
          <span className="zt-hint">{t('svc.fee.freeHint')}</span>
        </p>
      </fieldset>
    );
  }

  const standard = facts.fees;
  const options = standard.map((fee) => ({ value: fee.name, label: t('common.qualified', { name: fee.name, note: `${formatYuan(fee.amount)} ${t('svc.yuan')}` }) }));
  const total = rows.reduce((sum, row) => sum + (typeof row?.amount === 'number' && Number.isFinite(row.amount) ? row.amount : 0), 0);
  const hint = facts.charged === null ? t('svc.fee.unknown') : standard.length === 0 ? t('svc.fee.noStandard') : t('svc.fee.hint');

  return (
    <Form.List name="fees">
      {(fields, { add, remove }) => (
        <fieldset className="zt-fieldset zt-fees">
          {legend}
          <p className="zt-hint">{hint}</p>
          {fields.map((field, index) => (
            <div key={field.key} className="zt-supplement-row" data-fee-row={index}>
              <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
                <strong style={{ fontSize: 13 }}>{t('svc.act.itemN', { n: index + 1 })}</strong>
                <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('svc.fee.removeN', { n: index + 1 })} onClick={() => remove(field.name)} />
              </div>
              <Form.Item label={t('svc.fee.name')} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('svc.fee.nameRequired') }]} style={{ marginBottom: 8 }}>
                <AutoComplete
                  options={options}
                  maxLength={80}
                  showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()) }}
                  onSelect={(name: string) => {
                    const listed = standard.find((fee) => fee.name === name);
                    if (listed) form.setFieldValue(['fees', field.name, 'amount'], listed.amount);
                  }}
                />
              </Form.Item>
              <Form.Item
                label={t('svc.fee.amount')}
                name={[field.name, 'amount']}
                required
                extra={<FeeNote row={rows[index]} standard={standard} />}
                rules={[
                  {
                    validator: async (_, value: unknown) => {
                      if (value === null || value === undefined || value === '') throw new Error(t('svc.fee.amountRequired'));
                      const amount = Number(value);
                      if (!Number.isFinite(amount)) throw new Error(t('svc.fee.amountRequired'));
                      if (amount < 0) throw new Error(t('svc.fee.amountNegative'));
                      if (amount > MAX_AMOUNT) throw new Error(t('svc.fee.amountTooLarge'));
                      if (!hasAtMostTwoDecimals(amount)) throw new Error(t('svc.fee.amountDecimals'));
                    },
                  },
                ]}
                style={{ marginBottom: 4 }}
              >
                <InputNumber step={0.01} style={{ width: '100%' }} suffix={t('svc.yuan')} />
              </Form.Item>
            </div>
          ))}
          {fields.length === 0 ? <p className="zt-hint">{t('svc.fee.none')}</p> : null}
          <Button type="dashed" block icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ name: '', amount: null })} disabled={fields.length >= MAX_FEES}>
            {t('svc.fee.add')}
          </Button>
          {fields.length > 0 ? (
            <p className="zt-fee-total" aria-live="polite">
              {t('svc.fee.total', { amount: formatYuan(total) })}
            </p>
          ) : null}
        </fieldset>
      )}
    </Form.List>
  );
}
