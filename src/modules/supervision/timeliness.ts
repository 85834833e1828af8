// Timeliness (时效监察) of a running deadline, the first rule category of electronic supervision. Pure: a
// deadline, the working calendar and the rule's thresholds decide which level it has reached on a given day,
// and on which later day that level next rises — the moment the scheduler has to look again. Nothing here
// walks day by day: the cost of watching a deadline is the number of times it crosses a threshold.
//
// Levels (DOMAIN.md, Supervision; thresholds configurable per item):
//   warning  ≤ warningDays working days remain (2 by default), the deadline not yet passed;
//   yellow   the deadline has passed (the day after it);
//   red      more than redAfterOverdueDays working days past the deadline (5 by default).
// The levels are cumulative: a deadline at red has also passed yellow and warning, so a check that comes late
// (or a case registered already overdue) raises every level up to where the deadline stands.
import { z } from 'zod';
import { addCalendarDays, nthWorkingDayAfter, nthWorkingDayBackFrom, type WorkingCalendar } from '../../core/calendar/working-days.ts';

export const FINDING_LEVELS = ['warning', 'yellow', 'red'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

export const timelinessThresholdsSchema = z
  .object({
    warningDays: z.number().int().min(0).max(30).describe('预警：剩余工作日不超过此数 / warn when this many working days or fewer remain'),
    redAfterOverdueDays: z.number().int().min(0).max(60).describe('红牌：超期工作日超过此数 / red card when overdue by more working days than this'),
  })
  .strict();
export type TimelinessThresholds = z.infer<typeof timelinessThresholdsSchema>;

export const DEFAULT_TIMELINESS_THRESHOLDS: TimelinessThresholds = { warningDays: 2, redAfterOverdueDays: 5 };

/** Levels in rising order, each one implying those before it. */
export function levelsUpTo(level: FindingLevel | null): FindingLevel[] {
  return level === null ? [] : FINDING_LEVELS.slice(0, FINDING_LEVELS.indexOf(level) + 1);
}

/** The level a deadline `due` has reached on `today`, or null while it is comfortably ahead. */
export function timelinessLevel(calendar: WorkingCalendar, due: string, today: string, thresholds: TimelinessThresholds): FindingLevel | null {
  if (today > due) return calendar.countWorkingDays(due, today) > thresholds.redAfterOverdueDays ? 'red' : 'yellow';
  return calendar.countWorkingDays(today, due) <= thresholds.warningDays ? 'warning' : null;
}

/**
 * The first day after `today` on which the deadline's level rises, or null once it is red. Stepping over a
 * threshold's working days costs at most that many calendar lookups (a few dozen), whatever the distance.
 */
export function nextTimelinessChange(calendar: WorkingCalendar, due: string, today: string, thresholds: TimelinessThresholds): string | null {
  return nextChangeFrom(calendar, due, timelinessLevel(calendar, due, today, thresholds), thresholds);
}

// The next change once the level reached today is known.
function nextChangeFrom(calendar: WorkingCalendar, due: string, level: FindingLevel | null, thresholds: TimelinessThresholds): string | null {
  if (level === 'red') return null;
  if (level === 'yellow') return nthWorkingDayAfter(calendar, due, thresholds.redAfterOverdueDays + 1);
  if (level === 'warning') return addCalendarDays(due, 1);
  // Warning begins on the day from which no more than warningDays working days remain up to the deadline:
  // the (warningDays + 1)-th working day counting back from the deadline itself. It lies after today, or the
  // deadline would already be at warning.
  return nthWorkingDayBackFrom(calendar, due, thresholds.warningDays + 1);
}

export interface Timeliness {
  level: FindingLevel | null;
  /** nextTimelinessChange: the first later day the level rises, null once red. */
  next: string | null;
}

// Re-evaluating every running case asks the same few questions again and again (one today, a few hundred
// distinct deadlines, one or two sets of thresholds): the answers are kept per calendar, which is immutable.
const answered = new WeakMap<WorkingCalendar, Map<string, Timeliness>>();
const MAX_ANSWERS = 20_000;

/** timelinessLevel and nextTimelinessChange together, remembered per calendar. */
export function timelinessOf(calendar: WorkingCalendar, due: string, today: string, thresholds: TimelinessThresholds): Timeliness {
  let known = answered.get(calendar);
  if (!known) answered.set(calendar, (known = new Map()));
  const key = `${today}|${due}|${thresholds.warningDays}|${thresholds.redAfterOverdueDays}`;
  let answer = known.get(key);
  if (!answer) {
    if (known.size >= MAX_ANSWERS) known.clear();
    const level = timelinessLevel(calendar, due, today, thresholds);
    answer = { level, next: nextChangeFrom(calendar, due, level, thresholds) };
    known.set(key, answer);
  }
  return answer;
}
