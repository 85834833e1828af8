// The findings list's drawer: GET /api/supervision/findings/:id shown with FindingDetailPanel.
import { useEffect, useState } from 'react';
import { Alert, Button, Drawer, Spin } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import FindingDetailPanel from './FindingDetailPanel.tsx';
import { levelKey, subjectText } from './tags.tsx';
import type { FindingDetail } from './types.ts';

export default function FindingDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const loaded = useLoad(() => (id ? api.get<FindingDetail>(`/api/supervision/findings/${encodeURIComponent(id)}`) : Promise.resolve(null)), [id]);
  const [finding, setFinding] = useState<FindingDetail | null>(null);
  useEffect(() => setFinding(loaded.data), [loaded.data]);
  const update = (next: FindingDetail) => {
    setFinding(next);
    onChanged();
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={finding ? t('sup.detail.title', { level: t(levelKey(finding.level)), subject: subjectText(t, finding.subjectType, finding.subjectLabel) }) : t('nav.supFindings')}
      closable={{ 'aria-label': t('common.close') }}
      extra={
        finding ? (
          <a href={detailHref('/supervision/findings', finding.id)}>
            <LinkOutlined aria-hidden="true" /> {t('sup.detail.permalink')}
          </a>
        ) : null
      }
    >
      {loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : !finding || finding.id !== id ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : (
        <FindingDetailPanel finding={finding} onChanged={update} />
      )}
    </Drawer>
  );
}
