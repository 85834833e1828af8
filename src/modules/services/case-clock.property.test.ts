// Property-based tests: deriveCaseClock must agree with a brute-force reference that shares no
// code with it — it walks integer day numbers one by one, asks only calendar.isWorkingDay, and
// finds nextChangeOn by re-deriving the state for every later day until it differs.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadShippedYears } from '../../core/calendar/holiday-data.ts';
import { createWorkingCalendar } from '../../core/calendar/working-days.ts';
import { deriveCaseClock, type ClockEntry, type TimeState } from './case-clock.ts';

const calendar = createWorkingCalendar({ years: loadShippedYears() });
const DAY_MS = 86_400_000;
const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const toDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

// Working-day answers looked up once: the brute force asks for the same days thousands of times.
const FIRST_DAY = toDay('2024-11-01');
const LAST_DAY = toDay('2028-12-31');
const working: boolean[] = [];
for (let day = FIRST_DAY; day <= LAST_DAY; day++) working.push(calendar.isWorkingDay(toDate(day)));
const isWorking = (day: number): boolean => {
  assert.ok(day >= FIRST_DAY && day <= LAST_DAY, `reference walked outside its table: ${toDate(day)}`);
  return working[day - FIRST_DAY]!;
};

// ---- a generated history, kept structured so the reference never reads ClockEntry ----------
interface RefPause { on: number; resumedOn: number | null; maxDays: number | null }
interface RefStep { on: number; limit: number | null }
interface RefHistory {
  startedOn: number | null;
  steps: RefStep[];
  pauses: RefPause[];
  stoppedOn: number | null;
  today: number;
  lastEntryOn: number;
  promisedDays: number;
  warningDays: number;
  entries: ClockEntry[];
}

const limit = fc.integer({ min: 0, max: 60 });
const gap = fc.integer({ min: 0, max: 25 });
const segment = fc.record({
  stepGap: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  stepLimit: fc.option(limit, { nil: null }),
  pauseGap: gap,
  length: fc.integer({ min: 0, max: 30 }),
  special: fc.boolean(),
  maxDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
});
const historyArbitrary = fc
  .record({
    base: fc.integer({ min: toDay('2025-01-01'), max: toDay('2026-12-31') }),
    firstStepLimit: fc.option(limit, { nil: null }),
    started: fc.integer({ min: 0, max: 5 }), // 0 = never started, so most histories do start
    startBefore: fc.integer({ min: 0, max: 3 }), // index of the segment the start precedes
    startGap: fc.integer({ min: 0, max: 10 }),
    segments: fc.array(segment, { maxLength: 3 }),
    lastOpen: fc.integer({ min: 0, max: 3 }), // 0 = the last pause is still open
    stopGap: fc.option(gap, { nil: null, freq: 2 }), // fast-check: nil with probability 1/freq, so half still run
    todayGap: fc.integer({ min: 0, max: 90 }),
    promisedDays: limit,
    warningDays: fc.integer({ min: -1, max: 5 }),
  })
  .map((g): RefHistory => {
    const entries: ClockEntry[] = [];
    const steps: RefStep[] = [{ on: g.base, limit: g.firstStepLimit }];
    const pauses: RefPause[] = [];
    entries.push({ kind: 'step', on: toDate(g.base), stepKey: 'accept', stepName: '受理', limitDays: g.firstStepLimit });
    let cursor = g.base;
    let startedOn: number | null = null;
    // The start may follow pre-start pauses, or even come while the last pause is open.
    const startIndex = g.started === 0 ? -1 : Math.min(g.startBefore, g.segments.length);
    const startIfDue = (index: number) => {
      if (index !== startIndex) return;
      cursor += g.startGap;
      startedOn = cursor;
      entries.push({ kind: 'start', on: toDate(cursor) });
    };
    g.segments.forEach((s, index) => {
      startIfDue(index);
      if (s.stepGap !== null) {
        cursor += s.stepGap;
        steps.push({ on: cursor, limit: s.stepLimit });
        entries.push({ kind: 'step', on: toDate(cursor), stepKey: `step${index}`, stepName: `环节${index}`, limitDays: s.stepLimit });
      }
      cursor += s.pauseGap;
      const open = index === g.segments.length - 1 && g.lastOpen === 0;
      const reason = s.special ? 'special_procedure' : 'supplement';
      entries.push({ kind: 'pause', on: toDate(cursor), reason, label: s.special ? '听证' : '补正材料', maxDays: s.maxDays });
      const pause: RefPause = { on: cursor, resumedOn: null, maxDays: s.maxDays };
      pauses.push(pause);
      if (!open) {
        cursor += s.length;
        pause.resumedOn = cursor;
        entries.push({ kind: 'resume', on: toDate(cursor) });
      }
    });
    startIfDue(g.segments.length);
    let stoppedOn: number | null = null;
    if (g.stopGap !== null) {
      cursor += g.stopGap;
      stoppedOn = cursor;
      entries.push({ kind: 'stop', on: toDate(cursor) });
    }
    return { startedOn, steps, pauses, stoppedOn, today: cursor + g.todayGap, lastEntryOn: cursor, promisedDays: g.promisedDays, warningDays: g.warningDays, entries };
  });

// ---- brute-force reference ------------------------------------------------------------------
// A day is excluded when it lies after a pause's notice day and on or before its resume day (or
// the stop day when never resumed; forever when still open).
function excluded(h: RefHistory, day: number): boolean {
  return h.pauses.some((p) => {
    const end = p.resumedOn ?? h.stoppedOn ?? Infinity;
    return p.on < day && day <= end;
  });
}
const counted = (h: RefHistory, day: number): boolean => isWorking(day) && !excluded(h, day);

function refCount(h: RefHistory, from: number, to: number): number {
  if (to < from) return 0 - refCount(h, to, from); // 0 - x: never -0
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (counted(h, day)) count++;
  return count;
}

function refDeadline(h: RefHistory, start: number, days: number): number | null {
  if (days === 0) return start;
  let count = 0;
  const open = h.stoppedOn === null ? h.pauses.find((p) => p.resumedOn === null) : undefined;
  for (let day = start + 1; day <= LAST_DAY; day++) {
    if (open !== undefined && day > open.on) return null; // the count ran into a pause with no end yet
    if (counted(h, day) && ++count === days) return day;
  }
  throw new Error('reference deadline beyond its table');
}

interface RefState { timeState: TimeState; caseDeadline: number | null; remainingDays: number | null; usedDays: number | null; stepOverdue: boolean }

function refState(h: RefHistory, today: number): RefState {
  const asOf = h.stoppedOn ?? today;
  const paused = h.stoppedOn === null && h.pauses.some((p) => p.resumedOn === null);
  const step = h.steps.at(-1)!;
  const stepDeadline = step.limit === null ? null : refDeadline(h, step.on, step.limit);
  const stepOverdue = stepDeadline !== null && asOf > stepDeadline;
  if (h.startedOn === null) return { timeState: paused ? 'paused' : h.stoppedOn !== null ? 'stopped' : 'not_started', caseDeadline: null, remainingDays: null, usedDays: null, stepOverdue };
  const usedDays = refCount(h, h.startedOn, asOf);
  const deadline = refDeadline(h, h.startedOn, h.promisedDays);
  if (paused) return { timeState: 'paused', caseDeadline: null, remainingDays: h.promisedDays - usedDays, usedDays, stepOverdue };
  assert.notEqual(deadline, null);
  const remainingDays = refCount(h, asOf, deadline!);
  let timeState: TimeState = 'normal';
  if (h.stoppedOn !== null) timeState = 'stopped';
  else if (today > deadline!) timeState = 'overdue';
  else if (remainingDays <= h.warningDays) timeState = 'warning';
  return { timeState, caseDeadline: deadline, remainingDays, usedDays, stepOverdue };
}

// Working days an open pause with a maximum has lasted, when that is more than its maximum.
function refOverrun(h: RefHistory): number | null {
  const open = h.pauses.find((p) => p.resumedOn === null);
  if (open === undefined || h.stoppedOn !== null || open.maxDays === null) return null;
  let lasted = 0;
  for (let day = open.on + 1; day <= h.today; day++) if (isWorking(day)) lasted++;
  return lasted > open.maxDays ? lasted : null;
}

function refNextChange(h: RefHistory): number | null {
  const now = refState(h, h.today);
  if (now.timeState === 'stopped' || now.timeState === 'paused') return null;
  // Limits are at most 60 working days (under 100 calendar days even across 春节) counted from a
  // day on or before today, so any change happens within 130 days.
  for (let day = h.today + 1; day <= h.today + 130; day++) {
    const later = refState(h, day);
    if (later.timeState !== now.timeState || later.stepOverdue !== now.stepOverdue) return day;
  }
  return null;
}

// Warning windows are only a few days wide, so half the runs look at a day near the deadline.
const historyNearDeadline = fc
  .tuple(historyArbitrary, fc.boolean(), fc.integer({ min: -8, max: 3 }))
  .map(([h, near, offset]): RefHistory => {
    if (!near || h.startedOn === null) return h;
    const deadline = refDeadline(h, h.startedOn, h.promisedDays);
    return deadline === null ? h : { ...h, today: Math.max(h.lastEntryOn, deadline + offset) };
  });

const derive = (h: RefHistory) =>
  deriveCaseClock(calendar, { promisedDays: h.promisedDays, statutoryDays: null, entries: h.entries, today: toDate(h.today), warningDays: h.warningDays });
const dateOrNull = (day: number | null): string | null => (day === null ? null : toDate(day));

describe('case clock agrees with the day-by-day reference (2025–2026 histories)', () => {
  test('deadline, used and remaining days, time state and step overdue', () => {
    fc.assert(
      fc.property(historyNearDeadline, (h) => {
        const state = derive(h);
        const expected = refState(h, h.today);
        const context = JSON.stringify(h.entries) + ` today ${toDate(h.today)}`;
        assert.equal(state.timeState, expected.timeState, context);
        assert.equal(state.caseDeadline, dateOrNull(expected.caseDeadline), context);
        assert.equal(state.remainingDays, expected.remainingDays, context);
        assert.equal(state.usedDays, expected.usedDays, context);
        assert.equal(state.stepOverdue, expected.stepOverdue, context);
        assert.equal(state.overdueDays, Math.max(0, -(expected.remainingDays ?? 0)), context);
        if (h.stoppedOn !== null && expected.caseDeadline !== null) assert.equal(state.concludedLate, h.stoppedOn > expected.caseDeadline, context);
        assert.equal(state.pauseOverrun?.usedDays ?? null, refOverrun(h), context);
      }),
      { numRuns: 400 },
    );
  });

  test('nextChangeOn is the first later day on which the state or step overdue flag differs', () => {
    fc.assert(
      fc.property(historyNearDeadline, (h) => {
        assert.equal(derive(h).nextChangeOn, dateOrNull(refNextChange(h)), JSON.stringify(h.entries) + ` today ${toDate(h.today)}`);
      }),
      { numRuns: 300 },
    );
  });

  test('remaining days never grow as today moves forward, and used + remaining = promised', () => {
    fc.assert(
      fc.property(historyNearDeadline, fc.integer({ min: 1, max: 40 }), (h, later) => {
        const now = derive(h);
        const then = derive({ ...h, today: h.today + later });
        if (now.remainingDays !== null && then.remainingDays !== null) assert.ok(then.remainingDays <= now.remainingDays);
        if (now.usedDays !== null && now.remainingDays !== null) assert.equal(now.usedDays + now.remainingDays, h.promisedDays);
      }),
      { numRuns: 200 },
    );
  });
});
