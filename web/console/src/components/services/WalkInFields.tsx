// Parts of the walk-in page: the item's application form rendered from its field definitions, and
// optional scans of the materials uploaded through POST /api/files.
import { useRef, useState } from 'react';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { uploadFile } from '../../api.ts';
import { errorText, isValidCreditCode, isValidMobile, isValidResidentId } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { FormField, Material } from '../../services/types.ts';
import StatusTag from '../StatusTag.tsx';

export function ApplicationFormFields({ fields }: { fields: FormField[] }) {
  const { t } = useI18n();
  if (fields.length === 0) return <p className="zt-hint">{t('svc.walkIn.noForm')}</p>;
  const check = (field: FormField) => async (_: unknown, raw: unknown) => {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === undefined || value === null || value === '') return;
    if (typeof value !== 'string') return;
    if (field.type === 'resident_id' && !isValidResidentId(value.toUpperCase())) throw new Error(t('svc.walkIn.idInvalid'));
    if (field.type === 'credit_code' && !isValidCreditCode(value.toUpperCase())) throw new Error(t('org.creditCodeInvalid'));
    if (field.type === 'phone' && !isValidMobile(value)) throw new Error(t('users.phoneInvalid'));
  };
  return (
    <Row gutter={16}>
      {fields.map((field) => {
        const rules = [
          ...(field.required ? [{ required: true, message: t('svc.walkIn.fieldRequired', { field: field.label }) }] : []),
          ...(field.type === 'email' ? [{ type: 'email' as const, message: t('users.emailInvalid') }] : []),
          { validator: check(field) },
        ];
        const wide = field.type === 'textarea';
        let control;
        switch (field.type) {
          case 'textarea':
            control = <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={field.maxLength ?? 2000} />;
            break;
          case 'number':
            control = <InputNumber style={{ width: '100%' }} />;
            break;
          case 'date':
            control = <DatePicker style={{ width: '100%' }} />;
            break;
          case 'select':
            control = <Select allowClear options={(field.options ?? []).map((option) => ({ value: option, label: option }))} />;
            break;
          default:
            control = <Input maxLength={field.maxLength ?? 200} inputMode={field.type === 'phone' ? 'tel' : undefined} style={field.type === 'resident_id' || field.type === 'credit_code' ? { fontFamily: 'monospace' } : undefined} autoComplete="off" />;
        }
        return (
          <Col key={field.key} xs={24} md={wide ? 24 : 12} xl={wide ? 24 : 8}>
            <Form.Item label={field.label} name={['form', field.key]} rules={rules}>
              {control}
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}

export type UploadedMaterials = Record<string, Array<{ id: string; name: string }>>;

function UploadButton({ material, onUploaded }: { material: Material; onUploaded: (file: { id: string; name: string }) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <input
        ref={input}
        type="file"
        style={{ display: 'none' }}
        aria-label={t('svc.walkIn.uploadFor', { name: material.name })}
        data-material={material.key}
        accept=".pdf,.ofd,.jpg,.jpeg,.png,.docx,.xlsx,.txt"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          setBusy(true);
          try {
            const stored = await uploadFile<{ id: string; originalName: string }>(file);
            onUploaded({ id: stored.id, name: stored.originalName });
          } catch (error) {
            message.error(errorText(error));
          } finally {
            setBusy(false);
          }
        }}
      />
      <Button size="small" icon={<UploadOutlined aria-hidden="true" />} loading={busy} onClick={() => input.current?.click()} aria-label={t('svc.walkIn.uploadFor', { name: material.name })}>
        {t('svc.walkIn.upload')}
      </Button>
    </>
  );
}

export function MaterialUploads({ materials, value, onChange }: { materials: Material[]; value: UploadedMaterials; onChange: (update: (previous: UploadedMaterials) => UploadedMaterials) => void }) {
  const { t } = useI18n();
  return (
    <>
      <p className="zt-hint" style={{ marginTop: 0 }}>
        {t('svc.walkIn.materialsHint')}
      </p>
      <Table<Material>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={materials}
        locale={{ emptyText: t('svc.materials.none') }}
        columns={[
          {
            title: t('svc.materials.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <div>
                <span>{name}</span> {row.required ? <StatusTag tone="warning">{t('svc.materials.requiredTag')}</StatusTag> : <StatusTag tone="neutral">{t('svc.materials.optionalTag')}</StatusTag>}
                {row.note ? <div style={{ fontSize: 12, color: '#4b5563' }}>{row.note}</div> : null}
              </div>
            ),
          },
          { title: t('svc.materials.form'), dataIndex: 'form', width: 100, render: (form: Material['form']) => t(`svc.materialForm.${form}`) },
          { title: t('svc.materials.copies'), dataIndex: 'copies', width: 70 },
          {
            title: t('svc.walkIn.scans'),
            key: 'files',
            width: 320,
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={4}>
                {(value[row.key] ?? []).map((file) => (
                  <Space key={file.id} size={4}>
                    <span>{file.name}</span>
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden="true" />}
                      aria-label={t('svc.walkIn.removeFile', { name: file.name })}
                      onClick={() => onChange((previous) => ({ ...previous, [row.key]: (previous[row.key] ?? []).filter((f) => f.id !== file.id) }))}
                    />
                  </Space>
                ))}
                <UploadButton material={row} onUploaded={(file) => onChange((previous) => ({ ...previous, [row.key]: [...(previous[row.key] ?? []), file] }))} />
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
