// One finding on its own page (#/supervision/findings/<id>), where the notices of new findings link to.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';
import FindingDetailPanel from '../supervision/FindingDetailPanel.tsx';
import { levelKey, subjectText } from '../supervision/tags.tsx';
import type { FindingDetail } from '../supervision/types.ts';

export default function SupervisionFindingDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => api.get<FindingDetail>(`/api/supervision/findings/${encodeURIComponent(id)}`), [id]);
  const [finding, setFinding] = useState<FindingDetail | null>(null);
  useEffect(() => setFinding(loaded.data), [loaded.data]);

  return (
    <>
      <PageHeader
        title={finding ? t('sup.detail.title', { level: t(levelKey(finding.level)), subject: subjectText(t, finding.subjectType, finding.subjectLabel) }) : t('sup.detail.pageTitle')}
        extra={
          <Button href={href('/supervision/findings')} icon={<ArrowLeftOutlined aria-hidden="true" />}>
            {t('sup.detail.back')}
          </Button>
        }
      />
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : !finding ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : (
        <Card style={{ maxWidth: 920 }}>
          <FindingDetailPanel finding={finding} onChanged={setFinding} headingLevel={2} />
        </Card>
      )}
    </>
  );
}
