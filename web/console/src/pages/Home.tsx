// Dashboard: welcome, reminders (password expiry, TOTP), and cards for what this user may do.
import { Alert, Card, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n.ts';
import { SECTIONS } from '../nav.tsx';
import { href } from '../router.ts';
import { useSession } from '../session.ts';
import { BRAND_BLUE } from '../theme.ts';
import PageHeader from '../components/PageHeader.tsx';

export default function HomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const hour = new Date().getHours();
  const greeting = hour < 12 ? t('home.morning') : hour < 18 ? t('home.afternoon') : t('home.evening');
  const expiresInDays = user.passwordExpiresAt ? dayjs(user.passwordExpiresAt).diff(dayjs(), 'day') : null;
  const sections = SECTIONS.filter((section) => section.path !== '/' && section.allowed(user));

  return (
    <>
      <PageHeader title={t('home.title')} description={t('home.welcome', { greeting, name: user.displayName, unit: user.unitName ?? '' })} />
      {expiresInDays !== null && expiresInDays <= 14 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={expiresInDays <= 0 ? t('home.passwordExpired') : t('home.passwordExpiresSoon', { n: expiresInDays })}
          action={<a href={href('/profile')}>{t('home.goChangePassword')}</a>}
        />
      ) : null}
      {!user.totpEnabled ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('home.totpSuggestion')}
          action={<a href={href('/profile')}>{t('home.goEnrolTotp')}</a>}
        />
      ) : null}
      <h2 style={{ fontSize: 17, margin: '8px 0 12px' }}>{t('home.quickLinks')}</h2>
      <Row gutter={[16, 16]}>
        {sections.map((section) => (
          <Col key={section.path} xs={24} sm={12} lg={8} xxl={6}>
            <a href={href(section.path)} style={{ display: 'block', height: '100%', color: 'inherit' }}>
              <Card hoverable style={{ height: '100%' }}>
                <div style={{ display: 'flex', gap: 14, alignItems: 'flex-start' }}>
                  <span aria-hidden="true" style={{ fontSize: 26, color: BRAND_BLUE, lineHeight: 1 }}>
                    {section.icon}
                  </span>
                  <div>
                    <Typography.Text strong style={{ fontSize: 16, color: BRAND_BLUE }}>
                      {t(section.label)}
                    </Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                      {t(section.description)}
                    </Typography.Paragraph>
                  </div>
                </div>
              </Card>
            </a>
          </Col>
        ))}
      </Row>
    </>
  );
}
