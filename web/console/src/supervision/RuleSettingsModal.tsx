// Editing a supervision rule's settings (PATCH /api/supervision/rules/:id {settings}) or adding a per-item
// override of a general rule (POST /api/supervision/rules {code, scopeKey, settings, enabled}). The fields follow
// the rule's settings: thresholds in working days for timeliness, the level (and any threshold) for a check.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Select, Switch } from 'antd';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import type { Paged } from '../types.ts';
import { levelKey } from './tags.tsx';
import { FINDING_LEVELS, type Rule, type RuleSettings } from './types.ts';

/** Labels and ranges of the settings the console knows; any other numeric setting is shown by its key. */
const NUMERIC_SETTINGS: Record<string, { label: MessageKey; min: number; max: number }> = {
  warningDays: { label: 'sup.rules.warningDays', min: 0, max: 30 },
  redAfterOverdueDays: { label: 'sup.rules.redAfterOverdueDays', min: 0, max: 60 },
  maxEntryDelayDays: { label: 'sup.rules.maxEntryDelayDays', min: 0, max: 30 },
};

export type RuleEdit = { mode: 'edit'; rule: Rule } | { mode: 'override'; rule: Rule };

interface ItemOption {
  id: string;
  name: string;
  unitName: string;
}

/** Service items matching the text: the staff list (in the viewer's scope) and the published catalogue, merged. */
async function searchItems(q: string): Promise<ItemOption[]> {
  const query = { q, pageSize: 20 };
  const [staff, published] = await Promise.all([
    api.get<Paged<ItemOption>>('/api/service-items', query).catch(() => ({ items: [] as ItemOption[] })),
    api.get<Paged<ItemOption>>('/api/public/service-items', query).catch(() => ({ items: [] as ItemOption[] })),
  ]);
  const byId = new Map<string, ItemOption>();
  for (const item of [...staff.items, ...published.items]) if (!byId.has(item.id)) byId.set(item.id, { id: item.id, name: item.name, unitName: item.unitName });
  return [...byId.values()];
}

/** A searchable service-item select (staff list and published catalogue merged). */
export function ItemPicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<ItemOption[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const search = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    const ticket = ++latest.current;
    timer.current = setTimeout(() => {
      setLoading(true);
      void searchItems(text.trim())
        .then((found) => ticket === latest.current && setOptions(found))
        .finally(() => ticket === latest.current && setLoading(false));
    }, 250);
  };
  useEffect(() => {
    search('');
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      placeholder={t('sup.rules.itemSearch')}
      notFoundContent={loading ? t('common.loading') : t('common.noData')}
      options={options.map((item) => ({ value: item.id, label: t('common.qualified', { name: item.name, note: item.unitName }) }))}
    />
  );
}

export default function RuleSettingsModal({ edit, onClose, onSaved }: { edit: RuleEdit | null; onClose: () => void; onSaved: (rule: Rule) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settings: RuleSettings = edit?.rule.settings ?? {};
  const keys = useMemo(() => Object.keys(settings), [settings]);

  useEffect(() => {
    if (!edit) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ ...edit.rule.settings, scopeKey: undefined, enabled: true });
  }, [edit, form]);

  const save = async (values: Record<string, unknown>) => {
    if (!edit) return;
    const next: RuleSettings = {};
    for (const key of keys) next[key] = values[key] as number | string;
    setBusy(true);
    setError(null);
    try {
      const saved =
        edit.mode === 'edit'
          ? await api.patch<Rule>(`/api/supervision/rules/${encodeURIComponent(edit.rule.id)}`, { settings: next })
          : await api.post<Rule>('/api/supervision/rules', { code: edit.rule.code, scopeKey: values.scopeKey, settings: next, enabled: values.enabled !== false });
      message.success(edit.mode === 'edit' ? t('sup.rules.saved') : t('sup.rules.created'));
      onSaved(saved);
    } catch (caught) {
      if (!applyIssues(form, caught)) setError(errorText(caught));
      else setError(null);
    } finally {
      setBusy(false);
    }
  };

  const title = !edit ? '' : edit.mode === 'edit' ? (edit.rule.scopeName ? t('sup.rules.editOverrideNamed', { name: edit.rule.name, item: edit.rule.scopeName }) : t('sup.rules.editNamed', { name: edit.rule.name })) : t('sup.rules.addOverrideNamed', { name: edit.rule.name });

  return (
    <Modal
      open={edit !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      <Form form={form} name="rule-settings" layout="vertical" onFinish={save} requiredMark>
        {edit?.mode === 'override' ? (
          <>
            <p className="zt-hint">{t('sup.rules.overrideHint')}</p>
            <Form.Item label={t('sup.rules.itemPick')} name="scopeKey" rules={[{ required: true, message: t('sup.rules.itemRequired') }]}>
              <ItemPicker />
            </Form.Item>
          </>
        ) : null}
        {keys.map((key) => {
          if (key === 'level') {
            return (
              <Form.Item key={key} label={t('sup.rules.level')} name={key} rules={[{ required: true }]}>
                <Select options={FINDING_LEVELS.map((level) => ({ value: level, label: t(levelKey(level)) }))} />
              </Form.Item>
            );
          }
          const known = NUMERIC_SETTINGS[key];
          if (typeof settings[key] !== 'number') return null;
          return (
            <Form.Item key={key} label={known ? t(known.label) : key} name={key} rules={[{ required: true, type: 'integer', min: known?.min ?? 0, max: known?.max ?? 365, message: t('sup.rules.range', { min: known?.min ?? 0, max: known?.max ?? 365 }) }]}>
              <InputNumber min={known?.min ?? 0} max={known?.max ?? 365} precision={0} suffix={t('sup.rules.daysUnit')} style={{ width: 200 }} />
            </Form.Item>
          );
        })}
        {edit?.mode === 'override' ? (
          <Form.Item label={t('sup.rules.enableOverride')} name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </Modal>
  );
}
