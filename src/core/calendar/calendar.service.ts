// The platform's working-day calendar as a service: shipped State Council years plus the county's stored
// overrides, built once into a WorkingCalendar that deadline code reads synchronously in hot paths.
// The cached calendar is rebuilt when an override changes on this node, and reloaded from the database at
// most every `reloadIntervalMs` (default 60 s) when read, so changes made on other nodes arrive within a
// minute without a timer; `refresh()` reloads at once.
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePermission } from '../auth/require-permission.ts';
import { inTransaction, type Db, type DbExecutor } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import './calendar.errors.ts';
import { deleteOverride, listOverrides, readOverride, upsertOverride, type StoredOverride } from './calendar.repository.ts';
import { loadShippedYears, type ShippedYear } from './holiday-data.ts';
import {
  createWorkingCalendar,
  describeYear as describeDaysOfYear,
  isValidIsoDate,
  todayInChina,
  type DayDescription,
  type WorkingCalendar,
} from './working-days.ts';

/** Years the calendar API answers for; dates outside are refused rather than guessed. */
export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2200;
/** The longest limit the due-date endpoint computes (about ten years of working days). */
export const MAX_DUE_DAYS = 3650;
export const CALENDAR_MANAGE_PERMISSION = 'calendar.manage';

export interface CalendarStatus {
  /** Years with shipped holiday data, ascending. */
  years: number[];
  currentYear: number;
  nextYear: number;
  /** The coming year has no shipped data yet (the State Council publishes it each November): the console warns. */
  nextYearMissing: boolean;
}

export interface YearDescription {
  year: number;
  /** False: no shipped data, days follow the Monday–Friday rule plus overrides. */
  shipped: boolean;
  days: DayDescription[];
}

export interface DueDateAnswer {
  start: string;
  days: number;
  dueDate: string;
}

export interface OverrideInput {
  working: boolean;
  note: string;
}

export interface CalendarServiceOptions {
  db: Db;
  /** The clock (tests pass a fixed one); default `new Date()`. */
  now?: () => Date;
  /** Default: the shipped `holidays/*.json`. */
  shippedYears?: readonly ShippedYear[];
  /** Reload from the database when the cache is older than this on a read; default 60 000 ms. */
  reloadIntervalMs?: number;
  /** Told about a failed background reload (the old calendar stays in use and the reload is retried). */
  onReloadError?: (error: unknown) => void;
}

export interface CalendarService {
  /** The current calendar: cheap, synchronous, may be up to `reloadIntervalMs` behind other nodes. */
  getCalendar(): WorkingCalendar;
  /** Reloads the overrides from the database now (e.g. after another node changed them). */
  refresh(): Promise<void>;
  describeStatus(): CalendarStatus;
  describeYear(year: number): YearDescription;
  describeDay(date: string): DayDescription;
  dueDate(start: string, days: number): DueDateAnswer;
  setOverride(actor: Actor, date: string, input: OverrideInput): Promise<DayDescription>;
  removeOverride(actor: Actor, date: string): Promise<DayDescription>;
}

/** Throws INVALID_DATE unless `date` is a real YYYY-MM-DD date, and CALENDAR_DATE_OUT_OF_RANGE outside 1900–2200. */
export function assertCalendarDate(date: string): void {
  if (!isValidIsoDate(date)) throw new AppError('INVALID_DATE');
  const year = Number(date.slice(0, 4));
  if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    throw new AppError('CALENDAR_DATE_OUT_OF_RANGE', { min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR });
  }
}

function overrideAudit(override: StoredOverride | undefined): { working: boolean; note: string } | null {
  return override ? { working: override.working, note: override.note } : null;
}

/** Loads the overrides and returns the calendar service; await it once at boot. */
export async function createCalendarService(options: CalendarServiceOptions): Promise<CalendarService> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const shippedYears = options.shippedYears ?? loadShippedYears();
  const reloadIntervalMs = options.reloadIntervalMs ?? 60_000;

  let calendar: WorkingCalendar = createWorkingCalendar({ years: shippedYears });
  let nextReloadAt = 0;
  let reloading: Promise<void> | null = null;
  // Tickets order the loads: a load that read the database earlier never replaces one that read it later.
  let issuedTickets = 0;
  let appliedTicket = 0;

  function apply(overrides: readonly StoredOverride[], ticket: number): void {
    if (ticket < appliedTicket) return;
    appliedTicket = ticket;
    calendar = createWorkingCalendar({ years: shippedYears, overrides });
    nextReloadAt = now().getTime() + reloadIntervalMs;
  }

  async function refresh(): Promise<void> {
    const ticket = ++issuedTickets;
    apply(await listOverrides(db), ticket);
  }

  function getCalendar(): WorkingCalendar {
    if (reloading === null && now().getTime() >= nextReloadAt) {
      nextReloadAt = now().getTime() + reloadIntervalMs; // one attempt per interval, even if it fails
      reloading = refresh()
        .catch((error: unknown) => options.onReloadError?.(error))
        .finally(() => {
          reloading = null;
        });
    }
    return calendar;
  }

  // Writes the change and its audit record in one transaction and rebuilds from the overrides read inside it.
  async function changeOverride(
    actor: Actor,
    date: string,
    change: (before: StoredOverride | undefined, tx: DbExecutor) => Promise<{ action: string; after: unknown }>,
  ): Promise<DayDescription> {
    requirePermission(actor, CALENDAR_MANAGE_PERMISSION);
    assertCalendarDate(date);
    const overrides = await inTransaction(db, async (tx) => {
      const before = await readOverride(tx, date);
      const { action, after } = await change(before, tx);
      await recordAudit(tx, actor, { action, subjectType: 'calendar_day', subjectId: date, before: overrideAudit(before), after }, now());
      return listOverrides(tx);
    });
    apply(overrides, ++issuedTickets); // ticket taken after commit: loads that started earlier cannot win
    return calendar.describeDay(date);
  }

  await refresh();

  return {
    getCalendar,
    refresh,
    describeStatus() {
      const current = getCalendar();
      const currentYear = Number(todayInChina(now()).slice(0, 4));
      const nextYear = currentYear + 1;
      return { years: current.coveredYears(), currentYear, nextYear, nextYearMissing: !current.isYearCovered(nextYear) };
    },
    describeYear(year) {
      if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
        throw new AppError('CALENDAR_DATE_OUT_OF_RANGE', { min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR });
      }
      const current = getCalendar();
      return { year, shipped: current.isYearCovered(year), days: describeDaysOfYear(current, year) };
    },
    describeDay(date) {
      assertCalendarDate(date);
      return getCalendar().describeDay(date);
    },
    dueDate(start, days) {
      assertCalendarDate(start);
      if (!Number.isSafeInteger(days) || days < 0 || days > MAX_DUE_DAYS) throw new AppError('VALIDATION_FAILED');
      return { start, days, dueDate: getCalendar().addWorkingDays(start, days) };
    },
    setOverride(actor, date, input) {
      return changeOverride(actor, date, async (_before, tx) => {
        const note = input.note.trim();
        if (note.length < 1 || note.length > 200) throw new AppError('VALIDATION_FAILED');
        const after = { working: input.working, note };
        await upsertOverride(tx, { date, ...after }, actor.userId, now());
        return { action: 'calendar.override.set', after };
      });
    },
    removeOverride(actor, date) {
      return changeOverride(actor, date, async (before, tx) => {
        if (!before) throw new AppError('CALENDAR_OVERRIDE_NOT_FOUND', { date });
        await deleteOverride(tx, date);
        return { action: 'calendar.override.remove', after: null };
      });
    },
  };
}
