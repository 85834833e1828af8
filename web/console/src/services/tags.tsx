// Status and deadline tags of the service hall: colour plus words (and an icon), never colour alone.
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import StatusTag from '../components/StatusTag.tsx';
import { useI18n } from '../i18n.ts';
import type { CaseStatus, ItemStatus, TimeState, VersionStatus } from './types.ts';
import { CASE_STATUS_TONES, ITEM_STATUS_TONES, TIME_STATE_TONES, isTimeState } from './vocab.ts';

export function ItemStatusTag({ status }: { status: ItemStatus | VersionStatus }) {
  const { t } = useI18n();
  return <StatusTag tone={ITEM_STATUS_TONES[status] ?? 'neutral'}>{t(`svc.itemStatus.${status}`)}</StatusTag>;
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  return <StatusTag tone={CASE_STATUS_TONES[status] ?? 'neutral'}>{t(`svc.caseStatus.${status}`)}</StatusTag>;
}

const TIME_ICONS: Record<TimeState, ReactNode> = {
  not_started: <ClockCircleOutlined aria-hidden="true" />,
  normal: <CheckCircleOutlined aria-hidden="true" />,
  warning: <WarningOutlined aria-hidden="true" />,
  overdue: <ExclamationCircleOutlined aria-hidden="true" />,
  paused: <PauseCircleOutlined aria-hidden="true" />,
  stopped: <MinusCircleOutlined aria-hidden="true" />,
};

export function TimeStateTag({ state }: { state: string }) {
  const { t } = useI18n();
  if (!isTimeState(state)) return <StatusTag tone="neutral">{state}</StatusTag>;
  return (
    <StatusTag tone={TIME_STATE_TONES[state]}>
      <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
        {TIME_ICONS[state]}
        {t(`svc.timeState.${state}`)}
      </span>
    </StatusTag>
  );
}

/** "剩余 3 个工作日" / "超期 2 个工作日" / "—". */
export function RemainingDays({ days, state }: { days: number | null; state?: string }) {
  const { t } = useI18n();
  if (days === null) return <span>—</span>;
  if (days < 0 || state === 'overdue') {
    return <span style={{ color: '#991b1b', fontWeight: 600 }}>{t('svc.overdueDays', { n: Math.abs(days) })}</span>;
  }
  return <span style={state === 'warning' ? { color: '#92400e', fontWeight: 600 } : undefined}>{t('svc.remainingDays', { n: days })}</span>;
}
