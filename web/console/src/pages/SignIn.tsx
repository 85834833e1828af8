// Sign-in: credentials → (totp | enrol_totp | change_password) → done.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText } from '../format.ts';
import { useI18n, type Lang } from '../i18n.ts';
import { fetchSession } from '../session.ts';
import { BRAND_BLUE, HEADER_BLUE } from '../theme.ts';
import type { SessionUser, Stage, StageResponse } from '../types.ts';
import ChangePasswordForm from '../components/ChangePasswordForm.tsx';
import TotpEnrolment from '../components/TotpEnrolment.tsx';

type Step = 'credentials' | Exclude<Stage, 'done'>;

interface Props {
  initialStage: Exclude<Stage, 'done'> | null;
  initialUser: SessionUser | null;
  expired: boolean;
  onDone: () => Promise<void>;
}

export default function SignInPage({ initialStage, initialUser, expired, onDone }: Props) {
  const { t, lang, setLang } = useI18n();
  const [step, setStep] = useState<Step>(initialStage ?? 'credentials');
  const [user, setUser] = useState<SessionUser | null>(initialUser);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const advance = async (result: StageResponse) => {
    setError(null);
    if (result.stage === 'done') {
      await onDone();
      return;
    }
    // The session cookie changed with this step: fetch the CSRF token that belongs to it.
    await fetchSession().catch(() => null);
    setUser(result.user);
    setStep(result.stage);
  };

  const submit = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await advance(await api.post<StageResponse>(path, body));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const startOver = async () => {
    await api.post('/api/auth/sign-out').catch(() => undefined);
    setUser(null);
    setError(null);
    setStep('credentials');
  };

  const stepTitle: Record<Step, string> = {
    credentials: t('signIn.title'),
    totp: t('signIn.totpTitle'),
    enrol_totp: t('signIn.enrolTitle'),
    change_password: t('signIn.changePasswordTitle'),
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        padding: '24px 16px',
        boxSizing: 'border-box',
        background: `linear-gradient(180deg, ${HEADER_BLUE} 0px, ${BRAND_BLUE} 300px, #eef2f9 300px)`,
      }}
    >
      <div style={{ width: '100%', maxWidth: 440, display: 'flex', justifyContent: 'flex-end' }}>
        <Segmented<Lang>
          aria-label={t('header.language')}
          value={lang}
          onChange={setLang}
          options={[
            { value: 'zh', label: <span lang="zh-CN">中文</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
        />
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, color: '#fff', margin: '32px 0 24px' }}>
        <span
          aria-hidden="true"
          style={{ width: 44, height: 44, borderRadius: 8, background: '#fff', color: HEADER_BLUE, display: 'grid', placeItems: 'center', fontSize: 24, fontWeight: 700, lineHeight: 1 }}
        >
          政
        </span>
        <div>
          <div style={{ fontSize: 22, fontWeight: 600 }}>{t('app.brand')}</div>
          <div style={{ fontSize: 14 }}>{t('signIn.subtitle')}</div>
        </div>
      </div>
      <Card style={{ width: '100%', maxWidth: 440, boxShadow: '0 8px 24px rgba(15, 23, 42, 0.12)' }}>
        <h1 style={{ fontSize: 20, margin: '0 0 4px' }}>{stepTitle[step]}</h1>
        {user && step !== 'credentials' ? (
          <Typography.Paragraph type="secondary">{t('signIn.signedInAs', { name: user.displayName, username: user.username })}</Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary">{t('signIn.hint')}</Typography.Paragraph>
        )}
        {expired && step === 'credentials' && !error ? <Alert type="warning" showIcon title={t('session.expired')} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}

        {step === 'credentials' ? (
          <Form
            name="sign-in"
            layout="vertical"
            requiredMark={false}
            onFinish={(values: { username: string; password: string }) =>
              submit('/api/auth/sign-in', { username: values.username.trim(), password: values.password })
            }
          >
            <Form.Item label={t('signIn.username')} name="username" rules={[{ required: true, message: t('signIn.usernameRequired') }]}>
              <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Form>
        ) : null}

        {step === 'totp' ? (
          <Form name="sign-in-totp" layout="vertical" requiredMark={false} onFinish={(values: { code: string }) => submit('/api/auth/totp', { code: values.code.trim() })}>
            <Form.Item
              label={t('totp.code')}
              name="code"
              extra={t('signIn.totpHint')}
              rules={[
                { required: true, message: t('totp.codeRequired') },
                { pattern: /^\s*\d{6}\s*$/, message: t('totp.codeFormat') },
              ]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus size="large" style={{ letterSpacing: 4 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('signIn.verify')}
            </Button>
          </Form>
        ) : null}

        {step === 'enrol_totp' ? (
          <>
            <Alert type="info" showIcon title={t('signIn.enrolReason')} style={{ marginBottom: 16 }} />
            <TotpEnrolment idPrefix="sign-in" onConfirmed={advance} />
          </>
        ) : null}

        {step === 'change_password' ? (
          <>
            <Alert type="info" showIcon title={t('signIn.changePasswordReason')} style={{ marginBottom: 16 }} />
            <ChangePasswordForm idPrefix="sign-in" onChanged={advance} />
          </>
        ) : null}

        {step !== 'credentials' ? (
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Button type="link" onClick={() => void startOver()}>
              {t('signIn.startOver')}
            </Button>
          </div>
        ) : null}
      </Card>
      <p style={{ marginTop: 24, color: '#374151', fontSize: 13, textAlign: 'center' }}>{t('signIn.footer')}</p>
    </main>
  );
}
