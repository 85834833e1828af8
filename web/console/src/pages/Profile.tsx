// 个人设置: account summary, PATCH /api/me, change password, TOTP enrolment.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDateTime } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useSession } from '../session.ts';
import type { SessionUser, StageResponse } from '../types.ts';
import ChangePasswordForm from '../components/ChangePasswordForm.tsx';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import TotpEnrolment from '../components/TotpEnrolment.tsx';

interface ProfileValues {
  displayName: string;
  phone?: string;
  email?: string;
}

const isMasked = (value: string | null) => Boolean(value && value.includes('*'));

export default function ProfilePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user, setUser, refresh } = useSession();
  const [form] = Form.useForm<ProfileValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [enrolling, setEnrolling] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ displayName: user.displayName, phone: isMasked(user.phone) ? '' : (user.phone ?? ''), email: user.email ?? '' });
  }, [user, form]);

  const saveProfile = async (values: ProfileValues) => {
    setBusy(true);
    setError(null);
    const patch: Record<string, unknown> = {};
    if (values.displayName.trim() !== user.displayName) patch.displayName = values.displayName.trim();
    const phone = values.phone?.trim() ?? '';
    if (phone && phone !== user.phone) patch.phone = phone;
    const email = values.email?.trim() ?? '';
    if (email !== (user.email ?? '')) patch.email = email || null;
    try {
      if (Object.keys(patch).length > 0) setUser(await api.patch<SessionUser>('/api/me', patch));
      message.success(t('common.saved'));
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const afterStep = async (result: StageResponse, done: string) => {
    setUser(result.user);
    message.success(done);
    await refresh().catch(() => undefined);
  };

  return (
    <>
      <PageHeader title={t('nav.profile')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('profile.account')}</h2>} style={{ marginBottom: 16 }}>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'username', label: t('users.username'), children: user.username },
                { key: 'unit', label: t('users.unit'), children: user.unitName ?? '—' },
                { key: 'adminRole', label: t('profile.adminRole'), children: user.adminRole ? t(`adminRole.${user.adminRole}`) : t('profile.noAdminRole') },
                { key: 'expires', label: t('profile.passwordExpiresAt'), children: formatDateTime(user.passwordExpiresAt) },
                {
                  key: 'totp',
                  label: t('users.totp'),
                  children: user.totpEnabled ? <StatusTag tone="success">{t('common.enabled')}</StatusTag> : <StatusTag tone="warning">{t('common.notEnabled')}</StatusTag>,
                },
              ]}
            />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('profile.edit')}</h2>}>
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
            <Form form={form} name="profile" layout="vertical" onFinish={saveProfile} style={{ maxWidth: 420 }}>
              <Form.Item label={t('users.displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 64 }]}>
                <Input maxLength={64} />
              </Form.Item>
              <Form.Item
                label={t('users.phone')}
                name="phone"
                extra={isMasked(user.phone) ? t('users.phoneKeep', { phone: user.phone ?? '' }) : undefined}
                rules={[{ pattern: /^\+?[0-9\s-]{5,20}$/, message: t('users.phoneInvalid') }]}
              >
                <Input inputMode="tel" autoComplete="tel" />
              </Form.Item>
              <Form.Item label={t('users.email')} name="email" rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
                <Input type="email" autoComplete="email" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('profile.changePassword')}</h2>} style={{ marginBottom: 16 }}>
            <ChangePasswordForm idPrefix="profile" onChanged={(result) => afterStep(result, t('profile.passwordChanged'))} />
          </Card>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('profile.totp')}</h2>}>
            {user.totpEnabled ? (
              <Alert type="success" showIcon title={t('profile.totpOn')} />
            ) : enrolling ? (
              <TotpEnrolment
                idPrefix="profile"
                onConfirmed={async (result) => {
                  setEnrolling(false);
                  await afterStep(result, t('profile.totpEnabled'));
                }}
              />
            ) : (
              <>
                <p style={{ marginTop: 0 }}>{t('profile.totpOff')}</p>
                <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden="true" />} onClick={() => setEnrolling(true)}>
                  {t('profile.enrolTotp')}
                </Button>
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
