// Reset a user's password to a new initial one (POST /api/users/:id/reset-password); they must change it at next sign-in.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { UserRow } from '../types.ts';

/** A random 14-character password with upper, lower, digit and symbol (no look-alike characters). */
export function generatePassword(length = 14): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];
  const all = sets.join('');
  const random = new Uint32Array(length * 2);
  crypto.getRandomValues(random);
  const chars = sets.map((set, i) => set.charAt((random[i] ?? 0) % set.length));
  for (let i = chars.length; i < length; i += 1) chars.push(all.charAt((random[i] ?? 0) % all.length));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = (random[length + i] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

export function PasswordWithGenerator({ id, value, onChange }: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        style={{ fontFamily: 'monospace' }}
      />
      <Button onClick={() => onChange?.(generatePassword())}>{t('users.generatePassword')}</Button>
    </Space.Compact>
  );
}

export default function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ initialPassword: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (user) setError(null);
  }, [user]);
  const initialValues = useMemo(() => ({ initialPassword: user ? generatePassword() : '' }), [user]);

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordOf', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="reset-password"
        initialValues={initialValues}
        layout="vertical"
        onFinish={async (values) => {
          if (!user) return;
          setBusy(true);
          setError(null);
          try {
            await api.post(`/api/users/${encodeURIComponent(user.id)}/reset-password`, { initialPassword: values.initialPassword });
            message.success(t('users.resetPasswordDone'));
            onClose();
          } catch (caught) {
            applyIssues(form, caught);
            setError(errorText(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label={t('users.initialPassword')} name="initialPassword" rules={[{ required: true, message: t('users.initialPasswordRequired') }]}>
          <PasswordWithGenerator />
        </Form.Item>
      </Form>
    </Modal>
  );
}
