// 安全策略: GET / PUT /api/security/policy (password, lockout and session rules).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Space } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import type { SecurityPolicy } from '../types.ts';
import PageHeader from '../components/PageHeader.tsx';

interface Field {
  name: keyof SecurityPolicy;
  label: MessageKey;
  hint: MessageKey;
  min: number;
  max: number;
}

const GROUPS: { title: MessageKey; fields: Field[] }[] = [
  {
    title: 'policy.passwordGroup',
    fields: [
      { name: 'passwordMinLength', label: 'policy.passwordMinLength', hint: 'policy.passwordMinLength.hint', min: 6, max: 128 },
      { name: 'passwordMinClasses', label: 'policy.passwordMinClasses', hint: 'policy.passwordMinClasses.hint', min: 1, max: 4 },
      { name: 'passwordRotationDays', label: 'policy.passwordRotationDays', hint: 'policy.passwordRotationDays.hint', min: 0, max: 3650 },
      { name: 'passwordHistory', label: 'policy.passwordHistory', hint: 'policy.passwordHistory.hint', min: 0, max: 50 },
    ],
  },
  {
    title: 'policy.lockoutGroup',
    fields: [
      { name: 'lockoutThreshold', label: 'policy.lockoutThreshold', hint: 'policy.lockoutThreshold.hint', min: 0, max: 100 },
      { name: 'lockoutMinutes', label: 'policy.lockoutMinutes', hint: 'policy.lockoutMinutes.hint', min: 1, max: 10080 },
    ],
  },
  {
    title: 'policy.sessionGroup',
    fields: [
      { name: 'idleTimeoutMinutes', label: 'policy.idleTimeoutMinutes', hint: 'policy.idleTimeoutMinutes.hint', min: 1, max: 1440 },
      { name: 'absoluteTimeoutHours', label: 'policy.absoluteTimeoutHours', hint: 'policy.absoluteTimeoutHours.hint', min: 1, max: 720 },
    ],
  },
];

export default function SecurityPolicyPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const policy = useLoad(() => api.get<SecurityPolicy>('/api/security/policy'), []);
  const [form] = Form.useForm<SecurityPolicy>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const save = async (values: SecurityPolicy) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.put<SecurityPolicy | undefined>('/api/security/policy', values);
      if (saved && typeof saved === 'object' && 'passwordMinLength' in saved) policy.setData(saved);
      message.success(t('common.saved'));
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('nav.security')} description={t('policy.description')} />
      {policy.error ? <Alert type="error" showIcon title={errorText(policy.error)} style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      {policy.loading && !policy.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Form form={form} name="security-policy" layout="vertical" onFinish={save} disabled={!policy.data}>
          {GROUPS.map((group) => (
            <Card key={group.title} title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(group.title)}</h2>} style={{ marginBottom: 16 }}>
              <Row gutter={24}>
                {group.fields.map((field) => (
                  <Col key={field.name} xs={24} md={12} xl={6}>
                    <Form.Item
                      label={t(field.label)}
                      name={field.name}
                      extra={t(field.hint)}
                      rules={[{ required: true, message: t('policy.required') }]}
                    >
                      <InputNumber min={field.min} max={field.max} precision={0} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          <Space>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden="true" />} loading={busy}>
              {t('common.save')}
            </Button>
            <Button htmlType="button" onClick={() => policy.data && form.setFieldsValue(policy.data)}>
              {t('common.reset')}
            </Button>
          </Space>
        </Form>
      )}
    </>
  );
}
