// 新建事项: the few facts a draft needs (unit, name, type, basic code, case kind, limit); the rest is
// filled in on the editor page, which opens once the draft exists. POST /api/service-items.
import { useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { api } from '../../api.ts';
import { applyIssues, errorText } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import { navigateToDetail } from '../../router.ts';
import { useSession } from '../../session.ts';
import type { ItemDetail } from '../../services/types.ts';
import { ITEM_TYPE_CODES } from '../../services/vocab.ts';
import UnitTreeSelect from '../UnitTreeSelect.tsx';

interface Values {
  unitId: string;
  guide: { name: string; itemType: string; basicCode: string; caseKind: 'immediate' | 'promised'; promisedDays: number | null };
}

export default function CreateItemModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const guide = { ...values.guide, name: values.guide.name.trim(), basicCode: values.guide.basicCode.trim().toUpperCase() };
      const created = await api.post<ItemDetail>('/api/service-items', { unitId: values.unitId, guide });
      onClose();
      navigateToDetail('/service-items', created.id);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('svc.items.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('svc.items.createOk')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={620}
    >
      <p style={{ color: '#4b5563', marginTop: 0 }}>{t('svc.items.createHint')}</p>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="create-item"
        layout="vertical"
        onFinish={create}
        initialValues={{ unitId: user.unitId ?? undefined, guide: { itemType: '01', caseKind: 'promised', promisedDays: null } }}
      >
        <Form.Item label={t('svc.item.unit')} name="unitId" rules={[{ required: true, message: t('svc.items.unitRequired') }]} extra={t('svc.items.unitHint')}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item label={t('svc.item.name')} name={['guide', 'name']} rules={[{ required: true, whitespace: true, message: t('svc.item.nameRequired') }, { max: 120 }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('svc.item.itemType')} name={['guide', 'itemType']} rules={[{ required: true }]}>
              <Select options={ITEM_TYPE_CODES.map((code) => ({ value: code, label: `${code} ${t(`svc.itemType.${code}`)}` }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label={t('svc.item.basicCode')}
              name={['guide', 'basicCode']}
              extra={t('svc.item.basicCodeHint')}
              rules={[{ required: true, message: t('svc.item.basicCodeRequired') }, { pattern: /^[0-9A-Za-z]{1,12}$/, message: t('svc.item.basicCodeInvalid') }]}
            >
              <Input maxLength={12} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('svc.item.caseKind')} name={['guide', 'caseKind']}>
              <Radio.Group
                options={[
                  { value: 'promised', label: t('svc.caseKind.promised') },
                  { value: 'immediate', label: t('svc.caseKind.immediate') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('svc.item.promisedDaysLong')} name={['guide', 'promisedDays']}>
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} suffix={t('svc.days')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
