// The list-shaped tabs of the item editor: 申请材料 (with each material's blank form and sample), 收费 and 申请表单,
// each an editable table whose inputs carry their own labels ("材料 2 名称") so errors and screen readers point at
// the right cell. The penalty discretion standard has its own tab (ItemDiscretionTab).
import type { ReactNode } from 'react';
import { Button, Checkbox, Empty, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import type { FormListFieldData } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.ts';
import type { FormField, Material } from '../../services/types.ts';
import { FORM_FIELD_TYPES, MATERIAL_FORMS } from '../../services/vocab.ts';
import MaterialFileField, { type MaterialFiles } from './MaterialFileField.tsx';

const KEY_RULES = (t: ReturnType<typeof useI18n>['t']) => [
  { required: true, message: t('svc.keyRequired') },
  { pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('svc.keyInvalid') },
];

function EditableList({
  name,
  columns,
  disabled,
  addLabel,
  newRow,
  removeLabel,
  max,
  minWidth,
}: {
  name: Array<string>;
  columns: (field: FormListFieldData, index: number) => Array<{ title: string; width?: number; cell: ReactNode }>;
  disabled: boolean;
  addLabel: string;
  newRow: () => unknown;
  removeLabel: (n: number) => string;
  max: number;
  minWidth: number;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => {
        const template = columns({ key: 0, name: 0 } as FormListFieldData, 0);
        const tableColumns: ColumnsType<FormListFieldData> = template.map((column, columnIndex) => ({
          title: column.title,
          width: column.width,
          key: String(columnIndex),
          render: (_: unknown, field: FormListFieldData, index: number) => columns(field, index)[columnIndex]?.cell,
        }));
        if (!disabled) {
          tableColumns.push({
            title: <span className="zt-visually-hidden">{t('common.actions')}</span>,
            key: 'remove',
            width: 56,
            render: (_: unknown, field: FormListFieldData, index: number) => (
              <Button danger type="text" icon={<DeleteOutlined aria-hidden="true" />} aria-label={removeLabel(index + 1)} onClick={() => remove(field.name)} />
            ),
          });
        }
        return (
          <>
            <Table<FormListFieldData>
              className="zt-edit-table"
              rowKey="key"
              size="small"
              pagination={false}
              columns={tableColumns}
              dataSource={fields}
              scroll={{ x: minWidth }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.noData')} /> }}
            />
            {!disabled ? (
              <Button type="dashed" block icon={<PlusOutlined aria-hidden="true" />} style={{ marginTop: 12 }} disabled={fields.length >= max} onClick={() => add(newRow())}>
                {addLabel}
              </Button>
            ) : null}
          </>
        );
      }}
    </Form.List>
  );
}

const cellItem = { style: { marginBottom: 0 } };

export function ItemMaterialsTab({ disabled, files }: { disabled: boolean; files: MaterialFiles }) {
  const { t } = useI18n();
  const newMaterial = (): Material => ({ key: '', name: '', required: true, form: 'electronic', copies: 1, blankFormFileId: null, sampleFileId: null, licenceType: null, note: '' });
  return (
    <>
      <p style={{ color: '#4b5563', marginTop: 0 }}>{t('svc.materials.hint')}</p>
      <p style={{ color: '#4b5563', marginTop: 0 }}>{t('svc.materialFile.hint')}</p>
      <EditableList
        name={['guide', 'materials']}
        disabled={disabled}
        max={60}
        minWidth={1260}
        addLabel={t('svc.materials.add')}
        removeLabel={(n) => t('svc.materials.removeN', { n })}
        newRow={newMaterial}
        columns={(field, index) => {
          const n = index + 1;
          return [
            { title: t('svc.key'), width: 170, cell: <Form.Item {...cellItem} name={[field.name, 'key']} rules={KEY_RULES(t)}><Input aria-label={t('svc.materials.cellKey', { n })} style={{ fontFamily: 'monospace' }} maxLength={40} /></Form.Item> },
            { title: t('svc.materials.name'), width: 240, cell: <Form.Item {...cellItem} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('svc.materials.nameRequired') }]}><Input.TextArea aria-label={t('svc.materials.cellName', { n })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={120} /></Form.Item> },
            { title: t('svc.materials.required'), width: 60, cell: <Form.Item {...cellItem} name={[field.name, 'required']} valuePropName="checked"><Checkbox aria-label={t('svc.materials.cellRequired', { n })} /></Form.Item> },
            { title: t('svc.materials.form'), width: 120, cell: <Form.Item {...cellItem} name={[field.name, 'form']}><Select aria-label={t('svc.materials.cellForm', { n })} options={MATERIAL_FORMS.map((f) => ({ value: f, label: t(`svc.materialForm.${f}`) }))} /></Form.Item> },
            { title: t('svc.materials.copies'), width: 80, cell: <Form.Item {...cellItem} name={[field.name, 'copies']}><InputNumber aria-label={t('svc.materials.cellCopies', { n })} min={0} max={20} precision={0} style={{ width: '100%' }} /></Form.Item> },
            {
              title: t('svc.materials.downloads'),
              width: 250,
              cell: (
                <div style={{ display: 'grid', gap: 6 }}>
                  <Form.Item {...cellItem} name={[field.name, 'blankFormFileId']}><MaterialFileField kind="blankForm" n={n} files={files} disabled={disabled} /></Form.Item>
                  <Form.Item {...cellItem} name={[field.name, 'sampleFileId']}><MaterialFileField kind="sample" n={n} files={files} disabled={disabled} /></Form.Item>
                </div>
              ),
            },
            { title: t('svc.materials.licenceType'), width: 150, cell: <Form.Item {...cellItem} name={[field.name, 'licenceType']}><Input aria-label={t('svc.materials.cellLicence', { n })} maxLength={60} placeholder={t('svc.materials.licencePlaceholder')} /></Form.Item> },
            { title: t('svc.materials.note'), width: 200, cell: <Form.Item {...cellItem} name={[field.name, 'note']}><Input.TextArea aria-label={t('svc.materials.cellNote', { n })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} /></Form.Item> },
          ];
        }}
      />
    </>
  );
}

export function ItemFeesTab({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const charged = Form.useWatch(['guide', 'charged']) as boolean | undefined;
  return (
    <>
      <Form.Item label={t('svc.fees.charged')} name={['guide', 'charged']} valuePropName="checked" extra={t('svc.fees.chargedHint')}>
        <Switch checkedChildren={t('svc.fees.chargedYes')} unCheckedChildren={t('svc.fees.chargedNo')} />
      </Form.Item>
      {charged ? (
        <EditableList
          name={['guide', 'fees']}
          disabled={disabled}
          max={20}
          minWidth={760}
          addLabel={t('svc.fees.add')}
          removeLabel={(n) => t('svc.fees.removeN', { n })}
          newRow={() => ({ name: '', basis: '', amount: 0 })}
          columns={(field, index) => {
            const n = index + 1;
            return [
              { title: t('svc.fees.name'), width: 200, cell: <Form.Item {...cellItem} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('svc.fees.nameRequired') }]}><Input aria-label={t('svc.fees.cellName', { n })} maxLength={80} /></Form.Item> },
              { title: t('svc.fees.basis'), width: 360, cell: <Form.Item {...cellItem} name={[field.name, 'basis']} rules={[{ required: true, whitespace: true, message: t('svc.fees.basisRequired') }]}><Input.TextArea aria-label={t('svc.fees.cellBasis', { n })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} /></Form.Item> },
              { title: t('svc.fees.amount'), width: 160, cell: <Form.Item {...cellItem} name={[field.name, 'amount']} rules={[{ required: true, message: t('svc.fees.amountRequired') }]}><InputNumber aria-label={t('svc.fees.cellAmount', { n })} min={0} precision={2} step={1} style={{ width: '100%' }} suffix={t('svc.yuan')} /></Form.Item> },
            ];
          }}
        />
      ) : (
        <p style={{ color: '#374151' }}>{t('svc.fees.free')}</p>
      )}
    </>
  );
}

export function ItemFormFieldsTab({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const fieldsValue = (Form.useWatch(['guide', 'form']) ?? []) as Array<Partial<FormField> | undefined>;
  return (
    <>
      <p style={{ color: '#4b5563', marginTop: 0 }}>{t('svc.formFields.hint')}</p>
      <EditableList
        name={['guide', 'form']}
        disabled={disabled}
        max={60}
        minWidth={960}
        addLabel={t('svc.formFields.add')}
        removeLabel={(n) => t('svc.formFields.removeN', { n })}
        newRow={() => ({ key: '', label: '', type: 'text', required: true })}
        columns={(field, index) => {
          const n = index + 1;
          const isSelect = fieldsValue[index]?.type === 'select';
          return [
            { title: t('svc.key'), width: 150, cell: <Form.Item {...cellItem} name={[field.name, 'key']} rules={KEY_RULES(t)}><Input aria-label={t('svc.formFields.cellKey', { n })} style={{ fontFamily: 'monospace' }} maxLength={40} /></Form.Item> },
            { title: t('svc.formFields.label'), width: 200, cell: <Form.Item {...cellItem} name={[field.name, 'label']} rules={[{ required: true, whitespace: true, message: t('svc.formFields.labelRequired') }]}><Input aria-label={t('svc.formFields.cellLabel', { n })} maxLength={60} /></Form.Item> },
            { title: t('svc.formFields.type'), width: 150, cell: <Form.Item {...cellItem} name={[field.name, 'type']}><Select aria-label={t('svc.formFields.cellType', { n })} options={FORM_FIELD_TYPES.map((type) => ({ value: type, label: t(`svc.fieldType.${type}`) }))} /></Form.Item> },
            { title: t('svc.formFields.required'), width: 70, cell: <Form.Item {...cellItem} name={[field.name, 'required']} valuePropName="checked"><Checkbox aria-label={t('svc.formFields.cellRequired', { n })} /></Form.Item> },
            {
              title: t('svc.formFields.options'),
              width: 320,
              cell: isSelect ? (
                <Form.Item {...cellItem} name={[field.name, 'options']} rules={[{ required: true, type: 'array', min: 1, message: t('svc.formFields.optionsRequired') }]}>
                  <Select aria-label={t('svc.formFields.cellOptions', { n })} mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder={t('svc.formFields.optionsPlaceholder')} />
                </Form.Item>
              ) : (
                <span style={{ color: '#4b5563' }}>{t('svc.formFields.noOptions')}</span>
              ),
            },
          ];
        }}
      />
    </>
  );
}
