// Pure working-day (工作日) calendar: every legal time limit in the platform is counted with it.
// Dates are plain `YYYY-MM-DD` strings (calendar dates in China time). Internally a date is an
// integer day number (days since 1970-01-01) computed with integer civil-date arithmetic, so no
// Date object, time zone or DST rule can shift a day.
import type { ShippedYear } from './holiday-data.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayDescription {
  date: string;
  /** Effective answer, overrides included. */
  working: boolean;
  /** Classification from shipped data / the Monday–Friday rule, before any override. */
  kind: DayKind;
  /** Holiday name, or for a make-up workday the holiday it makes up for. */
  name?: string;
  override?: { working: boolean; note?: string };
}

export interface CalendarOverride {
  date: string;
  working: boolean;
  note?: string | undefined;
}

/** Inclusive interval of days that do not count; `to` absent/null means the pause is still open. */
export interface Pause {
  from: string;
  to?: string | null | undefined;
}

export interface ClosedPause {
  from: string;
  to: string;
}

export interface WorkingCalendarOptions {
  years: readonly ShippedYear[];
  overrides?: readonly CalendarOverride[] | undefined;
  /** Default true: day 1 of a limit is the first working day after the day of receipt. */
  firstDayIsNextWorkingDay?: boolean | undefined;
}

export interface WorkingCalendar {
  readonly firstDayIsNextWorkingDay: boolean;
  describeDay(date: string): DayDescription;
  isWorkingDay(date: string): boolean;
  /**
   * Due date = the nth counted working day (see firstDayIsNextWorkingDay); n = 0 returns start.
   * Paused days are skipped. Returns null only when the count runs into an open pause, i.e. the
   * due date cannot be known yet; with closed pauses only the result is always a date.
   */
  addWorkingDays(start: string, n: number, pauses?: readonly ClosedPause[]): string;
  addWorkingDays(start: string, n: number, pauses?: readonly Pause[]): string | null;
  /** Working days d with from < d <= to outside every pause; negative (-count(to, from)) if to < from. */
  countWorkingDays(from: string, to: string, pauses?: readonly Pause[]): number;
  /**
   * countWorkingDays(today, due): working days still available after today up to the due date.
   * Negative = that many working days overdue. 0 means due today OR due passed with no working
   * day elapsed since (e.g. due Friday, today Saturday) — compare `today > due` to detect that.
   */
  remainingWorkingDays(due: string, today: string, pauses?: readonly Pause[]): number;
  /** Years with shipped holiday data, ascending; other years fall back to Monday–Friday. */
  coveredYears(): number[];
  isYearCovered(year: number): boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai is UTC+8 all year (no DST since 1991).

// Howard Hinnant's days_from_civil: exact integer arithmetic, proleptic Gregorian.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function formatDay(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function tryParseDay(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

function parseDay(value: unknown, what: string): number {
  const day = tryParseDay(value);
  if (day === null) throw new RangeError(`${what} must be a real date in YYYY-MM-DD form, got ${JSON.stringify(value)}`);
  return day;
}

// 1970-01-01 (day 0) was a Thursday.
function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function isMondayToFriday(dayNumber: number): boolean {
  const dow = weekdayOfDay(dayNumber);
  return dow !== 0 && dow !== 6;
}

/** True only for a strict `YYYY-MM-DD` string naming a real calendar date (2026-02-29 is false). */
export function isValidIsoDate(s: unknown): s is string {
  return tryParseDay(s) !== null;
}

/** The calendar date `days` days after `date` (before it when negative). */
export function addCalendarDays(date: string, days: number): string {
  return formatDay(parseDay(date, 'date') + days);
}

/** The nth working day strictly after `date` (n ≥ 1), whatever the calendar's first-day rule. */
export function nthWorkingDayAfter(calendar: Pick<WorkingCalendar, 'isWorkingDay'>, date: string, n: number): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addCalendarDays(day, 1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** The nth working day counting back from `date`, `date` itself included (n ≥ 1). */
export function nthWorkingDayBackFrom(calendar: Pick<WorkingCalendar, 'isWorkingDay'>, date: string, n: number): string {
  let day = date;
  let counted = calendar.isWorkingDay(day) ? 1 : 0;
  while (counted < n) {
    day = addCalendarDays(day, -1);
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** Day of week of a `YYYY-MM-DD` date, 0 = Sunday … 6 = Saturday (same numbering as Date#getDay). */
export function dayOfWeek(date: string): number {
  return weekdayOfDay(parseDay(date, 'date'));
}

/** Today's calendar date in Asia/Shanghai for the given instant, so deadlines roll over at Beijing midnight. */
export function todayInChina(now: Date): string {
  const ms = now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('todayInChina: invalid Date');
  return formatDay(Math.floor((ms + CHINA_OFFSET_MS) / MS_PER_DAY));
}

type Span = readonly [from: number, to: number]; // inclusive day numbers; to = Infinity when open
const NO_SPANS: readonly Span[] = [];

// Parse, sort and merge pauses once per call so the day walk only advances a cursor.
function normalizePauses(pauses: readonly Pause[] | undefined): readonly Span[] {
  if (pauses === undefined || pauses.length === 0) return NO_SPANS;
  const spans = pauses.map((p, i): Span => {
    const from = parseDay(p.from, `pauses[${i}].from`);
    const to = p.to === undefined || p.to === null ? Infinity : parseDay(p.to, `pauses[${i}].to`);
    if (to < from) throw new RangeError(`pauses[${i}] ends (${p.to}) before it starts (${p.from})`);
    return [from, to];
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Builds a calendar from shipped years plus local overrides; all lookups afterwards are O(1) per day. */
export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const firstDayIsNextWorkingDay = options.firstDayIsNextWorkingDay ?? true;
  const shipped = new Map<number, { kind: 'holiday' | 'makeup_workday'; name: string }>();
  const years = new Set<number>();
  for (const y of options.years) {
    if (years.has(y.year)) throw new Error(`createWorkingCalendar: year ${y.year} is given twice`);
    years.add(y.year);
    for (const h of y.holidays) {
      const to = parseDay(h.to, `${y.year} ${h.name} to`);
      for (let d = parseDay(h.from, `${y.year} ${h.name} from`); d <= to; d++) shipped.set(d, { kind: 'holiday', name: h.name });
    }
    for (const m of y.makeupWorkdays) shipped.set(parseDay(m.date, `${y.year} make-up day`), { kind: 'makeup_workday', name: m.for });
  }
  // Later overrides for the same date win, matching "last write wins" storage.
  const overrides = new Map<number, { working: boolean; note?: string }>();
  for (const [i, o] of (options.overrides ?? []).entries()) {
    const d = parseDay(o.date, `overrides[${i}].date`);
    overrides.set(d, o.note === undefined ? { working: o.working } : { working: o.working, note: o.note });
  }
  // Every day whose answer is not simply "Monday–Friday", so the hot loop does one Map lookup.
  const exceptions = new Map<number, boolean>();
  for (const [d, s] of shipped) exceptions.set(d, s.kind === 'makeup_workday');
  for (const [d, o] of overrides) exceptions.set(d, o.working);
  const workingAt = (d: number): boolean => exceptions.get(d) ?? isMondayToFriday(d);
  const sortedYears = [...years].sort((a, b) => a - b);

  function countDays(from: number, to: number, spans: readonly Span[]): number {
    let count = 0;
    let i = 0;
    for (let d = from + 1; d <= to; d++) {
      while (i < spans.length && spans[i]![1] < d) i++;
      const span = spans[i];
      if (span !== undefined && span[0] <= d) {
        d = span[1]; // jump over the pause (Infinity ends the loop)
        continue;
      }
      if (workingAt(d)) count++;
    }
    return count;
  }

  function addWorkingDays(start: string, n: number, pauses?: readonly Pause[]): string | null {
    const s = parseDay(start, 'start');
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a non-negative integer, got ${n}`);
    if (n === 0) return formatDay(s);
    const spans = normalizePauses(pauses);
    let counted = 0;
    let i = 0;
    // Terminates: pauses are finite or open (→ null), overrides are finite, and outside them every week has workdays.
    for (let d = firstDayIsNextWorkingDay ? s + 1 : s; ; d++) {
      while (i < spans.length && spans[i]![1] < d) i++;
      const span = spans[i];
      if (span !== undefined && span[0] <= d) {
        if (span[1] === Infinity) return null;
        d = span[1];
        continue;
      }
      if (workingAt(d) && ++counted === n) return formatDay(d);
    }
  }

  function countWorkingDays(from: string, to: string, pauses?: readonly Pause[]): number {
    const a = parseDay(from, 'from');
    const b = parseDay(to, 'to');
    const spans = normalizePauses(pauses);
    return b >= a ? countDays(a, b, spans) : 0 - countDays(b, a, spans); // 0 - x: never -0
  }

  return {
    firstDayIsNextWorkingDay,
    describeDay(date) {
      const d = parseDay(date, 'date');
      const s = shipped.get(d);
      const o = overrides.get(d);
      const kind: DayKind = s !== undefined ? s.kind : isMondayToFriday(d) ? 'workday' : 'weekend';
      const description: DayDescription = { date: formatDay(d), working: workingAt(d), kind };
      if (s !== undefined) description.name = s.name;
      if (o !== undefined) description.override = { ...o };
      return description;
    },
    isWorkingDay: (date) => workingAt(parseDay(date, 'date')),
    addWorkingDays: addWorkingDays as WorkingCalendar['addWorkingDays'],
    countWorkingDays,
    remainingWorkingDays: (due, today, pauses) => countWorkingDays(today, due, pauses),
    coveredYears: () => [...sortedYears],
    isYearCovered: (year) => years.has(year),
  };
}

/** Every day of `year` described, in order, for the console's calendar view. */
export function describeYear(calendar: WorkingCalendar, year: number): DayDescription[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`describeYear: bad year ${year}`);
  const days: DayDescription[] = [];
  const end = daysFromCivil(year + 1, 1, 1);
  for (let d = daysFromCivil(year, 1, 1); d < end; d++) days.push(calendar.describeDay(formatDay(d)));
  return days;
}
