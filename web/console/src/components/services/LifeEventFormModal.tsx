// 新建 / 编辑一件事: name, code, audience, description, order and the bundled items. A new event is created with
// POST /api/life-events (which saves by code, so the code is checked against the list first: it must not replace
// another event); an existing one is changed by id with PUT /api/life-events/:id, which may change its code too.
import { useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import { api } from '../../api.ts';
import { applyIssues, errorText } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { LifeEvent, LifeEventInput } from '../../services/types.ts';
import BundledItemsField from './BundledItemsField.tsx';

type Values = Omit<LifeEventInput, 'nameEn'> & { nameEn?: string | null };

export default function LifeEventFormModal({ editing, existing, onClose, onSaved }: {
  /** The event to change, `'new'` to create one, null when closed. */
  editing: LifeEvent | 'new' | null;
  /** Every event, to refuse a code another one already has. */
  existing: LifeEvent[];
  onClose: () => void;
  onSaved: (saved: { name: string }) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const event = editing === 'new' ? null : editing;
  const nextOrder = Math.max(0, ...existing.map((candidate) => candidate.sortOrder)) + 10;

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    const body: LifeEventInput = {
      code: values.code.trim(),
      name: values.name.trim(),
      nameEn: values.nameEn?.trim() || null,
      audience: values.audience,
      description: (values.description ?? '').trim(),
      sortOrder: values.sortOrder ?? 0,
      itemIds: values.itemIds ?? [],
    };
    try {
      if (event) await api.put(`/api/life-events/${encodeURIComponent(event.id)}`, body);
      else await api.post('/api/life-events', body);
      onSaved({ name: body.name });
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={event ? t('svc.life.editTitle', { name: event.name }) : t('svc.life.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={720}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="life-event"
        layout="vertical"
        onFinish={save}
        initialValues={event ? { ...event } : { audience: 'person', description: '', sortOrder: nextOrder, itemIds: [] }}
      >
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item label={t('svc.life.name')} name="name" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('svc.life.nameRequired') }]}>
              <Input maxLength={60} placeholder={t('svc.life.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('svc.life.nameEn')} name="nameEn">
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              label={t('svc.life.code')}
              name="code"
              extra={t('svc.life.codeHint')}
              rules={[
                { required: true, message: t('svc.life.codeInvalid') },
                { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('svc.life.codeInvalid') },
                {
                  validator: async (_rule, value: unknown) => {
                    const code = typeof value === 'string' ? value.trim() : '';
                    if (existing.some((other) => other.code === code && other.id !== event?.id)) throw new Error(t('svc.life.codeTaken', { code }));
                  },
                },
              ]}
            >
              <Input maxLength={40} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label={t('svc.life.sortOrder')} name="sortOrder" extra={t('svc.life.sortOrderHint')}>
              <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('svc.life.audience')} name="audience" rules={[{ required: true, message: t('svc.life.audienceRequired') }]}>
          <Radio.Group
            options={[
              { value: 'person', label: t('svc.audience.person') },
              { value: 'company', label: t('svc.audience.company') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('svc.life.descriptionLabel')} name="description">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item label={t('svc.life.items')} name="itemIds" extra={t('svc.life.itemsHint')}>
          <BundledItemsField known={event?.items ?? []} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
