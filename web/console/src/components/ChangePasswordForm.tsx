// Current + new password form for POST /api/auth/password; shows the server's policy message on 400.
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { StageResponse } from '../types.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordForm({ onChanged, idPrefix }: { onChanged: (result: StageResponse) => void | Promise<void>; idPrefix: string }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Form
      form={form}
      name={`${idPrefix}-password`}
      layout="vertical"
      requiredMark={false}
      style={{ maxWidth: 420 }}
      onFinish={async (values) => {
        setBusy(true);
        setError(null);
        try {
          const result = await api.post<StageResponse>('/api/auth/password', {
            currentPassword: values.currentPassword,
            newPassword: values.newPassword,
          });
          form.resetFields();
          await onChanged(result);
        } catch (caught) {
          applyIssues(form, caught);
          setError(errorText(caught));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label={t('password.new')} name="newPassword" rules={[{ required: true, message: t('password.newRequired') }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
