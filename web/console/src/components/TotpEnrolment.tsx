// TOTP enrolment: GET /api/auth/totp/enrolment → QR + secret, then POST the first code to confirm.
import { useState } from 'react';
import { Alert, Button, Form, Input, Skeleton, Typography } from 'antd';
import { api } from '../api.ts';
import { errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import type { StageResponse, TotpEnrolment as Enrolment } from '../types.ts';


export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export default function TotpEnrolment({ onConfirmed, idPrefix }: { onConfirmed: (result: StageResponse) => void | Promise<void>; idPrefix: string }) {
  const { t } = useI18n();
  const enrolment = useLoad(() => api.get<Enrolment>('/api/auth/totp/enrolment'), []);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (enrolment.loading) return <Skeleton active />;
  if (enrolment.error || !enrolment.data) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(enrolment.error)}
        action={<Button onClick={enrolment.reload}>{t('common.retry')}</Button>}
      />
    );
  }
  const { qrDataUrl, secret } = enrolment.data;

  return (
    <div>
      <ol style={{ paddingInlineStart: 20, margin: '0 0 12px' }}>
        <li>{t('totp.step1')}</li>
        <li>{t('totp.step2')}</li>
      </ol>
      <div style={{ textAlign: 'center', margin: '8px 0 12px' }}>
        <img
          src={qrDataUrl}
          alt={t('totp.qrAlt')}
          width={184}
          height={184}
          style={{ border: '1px solid #d1d5db', borderRadius: 6, padding: 4, background: '#fff' }}
        />
      </div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('totp.manualEntry')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }} style={{ marginBottom: 16 }}>
        <Typography.Text code style={{ fontSize: 15, letterSpacing: 1 }}>
          {groupSecret(secret)}
        </Typography.Text>
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        name={`${idPrefix}-totp-enrol`}
        layout="vertical"
        requiredMark={false}
        onFinish={async (values: { code: string }) => {
          setBusy(true);
          setError(null);
          try {
            const result = await api.post<StageResponse>('/api/auth/totp/enrolment', { code: values.code.trim() });
            await onConfirmed(result);
          } catch (caught) {
            setError(errorText(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          label={t('totp.code')}
          name="code"
          rules={[
            { required: true, message: t('totp.codeRequired') },
            { pattern: /^\s*\d{6}\s*$/, message: t('totp.codeFormat') },
          ]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('totp.confirm')}
        </Button>
      </Form>
    </div>
  );
}
