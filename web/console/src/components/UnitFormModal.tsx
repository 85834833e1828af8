// Create a child unit (POST /api/org/units) or edit one (PATCH /api/org/units/:id, changed fields only).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { api } from '../api.ts';
import { applyIssues, errorText, isValidCreditCode } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { UNIT_KINDS, type OrgUnit, type UnitKind } from '../types.ts';

interface Values {
  kind: UnitKind;
  name: string;
  code?: string;
  creditCode?: string;
  sortOrder?: number;
}

export type UnitFormTarget = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit };

const CHILD_KIND: Partial<Record<UnitKind, UnitKind>> = { province: 'city', city: 'county', county: 'town', town: 'village' };

export default function UnitFormModal({ target, onClose, onSaved }: { target: UnitFormTarget | null; onClose: () => void; onSaved: (id: string | null) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (target) setError(null);
  }, [target]);
  const initialValues = useMemo<Partial<Values>>(() => {
    if (!target) return {};
    if (target.mode === 'create') return { kind: CHILD_KIND[target.parent.kind] ?? 'department', sortOrder: 0 };
    const { unit } = target;
    return { kind: unit.kind, name: unit.name, code: unit.code ?? '', creditCode: unit.creditCode ?? '', sortOrder: unit.sortOrder };
  }, [target]);

  const save = async (values: Values) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    const code = values.code?.trim() || undefined;
    const creditCode = values.creditCode?.trim().toUpperCase() || undefined;
    try {
      if (target.mode === 'create') {
        const created = await api.post<Partial<OrgUnit> | undefined>('/api/org/units', {
          parentId: target.parent.id,
          kind: values.kind,
          name: values.name.trim(),
          code,
          creditCode,
          sortOrder: values.sortOrder ?? 0,
        });
        onSaved(created?.id ?? null);
      } else {
        const { unit } = target;
        const patch: Record<string, unknown> = {};
        if (values.name.trim() !== unit.name) patch.name = values.name.trim();
        if ((code ?? null) !== (unit.code ?? null)) patch.code = code ?? null;
        if ((creditCode ?? null) !== (unit.creditCode ?? null)) patch.creditCode = creditCode ?? null;
        if ((values.sortOrder ?? 0) !== unit.sortOrder) patch.sortOrder = values.sortOrder ?? 0;
        if (Object.keys(patch).length > 0) await api.patch(`/api/org/units/${encodeURIComponent(unit.id)}`, patch);
        onSaved(unit.id);
      }
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const title = !target ? '' : target.mode === 'create' ? t('org.addChildOf', { name: target.parent.name }) : t('org.editUnit', { name: target.unit.name });

  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="org-unit" layout="vertical" onFinish={save} initialValues={initialValues}>
        <Form.Item label={t('org.kind')} name="kind" rules={[{ required: true, message: t('org.kindRequired') }]}>
          <Select disabled={target?.mode === 'edit'} options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))} />
        </Form.Item>
        <Form.Item label={t('org.name')} name="name" rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('org.code')} name="code" extra={t('org.codeHint')} rules={[{ max: 32 }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          label={t('org.creditCode')}
          name="creditCode"
          extra={t('org.creditCodeHint')}
          normalize={(value: string) => value?.toUpperCase()}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                !value || isValidCreditCode(value.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('org.creditCodeInvalid'))),
            },
          ]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label={t('org.sortOrder')} name="sortOrder">
          <InputNumber min={0} max={99999} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
