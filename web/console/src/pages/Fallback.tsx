// 403 / 404 pages inside the console frame.
import { Button, Result } from 'antd';
import { useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';

export function ForbiddenPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('error.forbidden')} />
      <Result
        status="403"
        subTitle={t('error.forbiddenHint')}
        extra={
          <Button type="primary" href={href('/')}>
            {t('error.backHome')}
          </Button>
        }
      />
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('error.notFound')} />
      <Result
        status="404"
        subTitle={t('error.notFoundHint')}
        extra={
          <Button type="primary" href={href('/')}>
            {t('error.backHome')}
          </Button>
        }
      />
    </>
  );
}
