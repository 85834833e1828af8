// Tags of the rating and rectification views: the rating level and where a rectification stands.
import { CheckCircleOutlined, ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n.ts';
import { RATING_TONES, isRatingLevel, ratingKey, type Rectification } from '../../services/hallTools.ts';
import StatusTag from '../StatusTag.tsx';

export function RatingTag({ level, fallback }: { level: string; fallback: string }) {
  const { t } = useI18n();
  const key = ratingKey(level);
  return <StatusTag tone={isRatingLevel(level) ? RATING_TONES[level] : 'neutral'}>{key ? t(key) : fallback}</StatusTag>;
}

export function RectificationProgress({ record }: { record: Rectification }) {
  const { t } = useI18n();
  if (record.status === 'done') {
    return (
      <StatusTag tone="success">
        <CheckCircleOutlined aria-hidden="true" /> {t('svc.rect.closed')}
      </StatusTag>
    );
  }
  if (record.callbackAt) {
    return (
      <StatusTag tone="info">
        <PhoneOutlined aria-hidden="true" /> {t('svc.rect.calledBack')}
      </StatusTag>
    );
  }
  return (
    <StatusTag tone="warning">
      <ClockCircleOutlined aria-hidden="true" /> {t('svc.rect.awaitingCallback')}
    </StatusTag>
  );
}
