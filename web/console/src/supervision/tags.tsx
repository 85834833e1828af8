// The marks of supervision: a level tag drawn as a small card (预警 gold, 黄牌 yellow card, 红牌 red card),
// the handling status, and the names of categories and history entries. Colour is never alone: each tag says
// its level in words, and every pair of colours keeps at least 4.5:1 contrast.
import type { CSSProperties } from 'react';
import { Tag } from 'antd';
import StatusTag from '../components/StatusTag.tsx';
import { useI18n, type MessageKey } from '../i18n.ts';
import type { Tone } from '../theme.ts';
import { FINDING_ACTIONS, FINDING_LEVELS, FINDING_STATUSES, RULE_CATEGORIES, type FindingActionKind, type FindingLevel, type FindingStatus } from './types.ts';

/** Colours of each level: the tag (text on background) and the card glyph; also used by the charts. */
export const LEVEL_COLOURS: Record<FindingLevel, { text: string; background: string; border: string; card: string; chart: string }> = {
  warning: { text: '#7c2d12', background: '#ffedd5', border: '#fb923c', card: '#f59e0b', chart: '#f59e0b' },
  yellow: { text: '#3f2d04', background: '#fde047', border: '#ca8a04', card: '#facc15', chart: '#eab308' },
  red: { text: '#ffffff', background: '#b91c1c', border: '#991b1b', card: '#ef4444', chart: '#dc2626' },
};

export function isLevel(value: string): value is FindingLevel {
  return (FINDING_LEVELS as readonly string[]).includes(value);
}

export function levelKey(level: FindingLevel): MessageKey {
  return `sup.level.${level}`;
}

/** A level as a small card-shaped tag: 预警 / 黄牌 / 红牌. */
export function LevelTag({ level, style }: { level: FindingLevel; style?: CSSProperties }) {
  const { t } = useI18n();
  const colours = LEVEL_COLOURS[level] ?? LEVEL_COLOURS.warning;
  return (
    <Tag className={`zt-level-tag zt-level-${level}`} style={{ color: colours.text, background: colours.background, borderColor: colours.border, marginInlineEnd: 4, ...style }} variant="outlined">
      <span className="zt-level-card" aria-hidden="true" style={{ background: colours.card }} />
      {t(levelKey(level))}
    </Tag>
  );
}

const STATUS_TONES: Record<FindingStatus, Tone> = { notified: 'neutral', open: 'danger', responded: 'warning', closed: 'success' };

/** The handling status of a finding. */
export function FindingStatusTag({ status }: { status: FindingStatus }) {
  const { t } = useI18n();
  if (!(FINDING_STATUSES as readonly string[]).includes(status)) return <StatusTag tone="neutral">{status}</StatusTag>;
  return <StatusTag tone={STATUS_TONES[status]}>{t(`sup.status.${status}`)}</StatusTag>;
}

/** A category's name in the console's language (the server's name when the category is new to the console). */
export function categoryLabel(t: (key: MessageKey) => string, category: string, fallback?: string): string {
  return (RULE_CATEGORIES as readonly string[]).includes(category) ? t(`sup.category.${category}` as MessageKey) : (fallback ?? category);
}

/** A history entry's name. */
export function actionLabel(t: (key: MessageKey) => string, action: string): string {
  return (FINDING_ACTIONS as readonly string[]).includes(action) ? t(`sup.action.${action as FindingActionKind}`) : action;
}

/** What the finding is about: "办件 <number>" for cases. */
export function subjectText(t: (key: MessageKey, vars?: Record<string, string | number>) => string, subjectType: string, label: string): string {
  return subjectType === 'case' ? t('sup.subject.case', { label }) : label;
}
