// Property-based tests: the optimised calendar must agree with a naive day-by-day reference that
// shares no code with it (Date objects + linear scans of the raw shipped data).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadShippedYears, type ShippedYear } from './holiday-data.ts';
import { createWorkingCalendar, dayOfWeek, isValidIsoDate, todayInChina, type CalendarOverride, type Pause } from './working-days.ts';

const DAY = 86_400_000;
const years = loadShippedYears();

// ---- reference implementation -------------------------------------------------------------
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function refWorking(date: string, shipped: readonly ShippedYear[], overrides: readonly CalendarOverride[]): boolean {
  for (let i = overrides.length - 1; i >= 0; i--) if (overrides[i]!.date === date) return overrides[i]!.working;
  for (const y of shipped) {
    if (y.makeupWorkdays.some((m) => m.date === date)) return true;
    if (y.holidays.some((h) => h.from <= date && date <= h.to)) return false;
  }
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow !== 0 && dow !== 6;
}

const pauseAt = (date: string, pauses: readonly Pause[]): Pause | undefined =>
  pauses.find((p) => p.from <= date && (p.to == null || date <= p.to));

function refAdd(start: string, n: number, pauses: readonly Pause[], overrides: readonly CalendarOverride[], nextDay = true): string | null {
  if (n === 0) return start;
  let counted = 0;
  for (let d = nextDay ? shift(start, 1) : start; ; d = shift(d, 1)) {
    const p = pauseAt(d, pauses);
    if (p !== undefined) {
      if (p.to == null) return null;
      continue;
    }
    if (refWorking(d, years, overrides) && ++counted === n) return d;
  }
}

function refCount(from: string, to: string, pauses: readonly Pause[], overrides: readonly CalendarOverride[]): number {
  if (to < from) return 0 - refCount(to, from, pauses, overrides);
  let counted = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (!pauseAt(d, pauses) && refWorking(d, years, overrides)) counted++;
  return counted;
}

// ---- arbitraries ------------------------------------------------------------------------------
const dateBetween = (min: string, max: string) =>
  fc.integer({ min: 0, max: (Date.parse(max) - Date.parse(min)) / DAY }).map((k) => shift(min, k));
const startDate = dateBetween('2025-01-01', '2026-12-31');
const anyDate = dateBetween('2024-12-01', '2027-06-30');
const pause = fc
  .record({ from: dateBetween('2024-12-15', '2027-03-31'), length: fc.integer({ min: 0, max: 40 }), open: fc.integer({ min: 0, max: 7 }) })
  .map(({ from, length, open }): Pause => (open === 0 ? { from } : { from, to: shift(from, length) }));
const pauses = fc.array(pause, { maxLength: 3 });
const overrides = fc.array(
  fc.record({ date: dateBetween('2024-12-15', '2027-03-31'), working: fc.boolean(), note: fc.option(fc.string(), { nil: undefined }) }),
  { maxLength: 8 },
);
const n = fc.integer({ min: 0, max: 120 });
const runs = { numRuns: 300 };

describe('working-day properties (2025–2026, random pauses and overrides)', () => {
  test('addWorkingDays agrees with the day-by-day reference (both conventions)', () => {
    fc.assert(
      fc.property(startDate, n, pauses, overrides, fc.boolean(), (s, k, ps, os, nextDay) => {
        const cal = createWorkingCalendar({ years, overrides: os, firstDayIsNextWorkingDay: nextDay });
        assert.equal(cal.addWorkingDays(s, k, ps), refAdd(s, k, ps, os, nextDay));
      }),
      runs,
    );
  });

  test('countWorkingDays agrees with the reference, in either order', () => {
    fc.assert(
      fc.property(anyDate, anyDate, pauses, overrides, (a, b, ps, os) => {
        const cal = createWorkingCalendar({ years, overrides: os });
        const count = cal.countWorkingDays(a, b, ps);
        assert.equal(count, refCount(a, b, ps, os));
        assert.equal(cal.countWorkingDays(b, a, ps), 0 - count);
      }),
      runs,
    );
  });

  test('round trip: countWorkingDays(s, addWorkingDays(s, n)) === n, and the due date is a counted working day', () => {
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 120 }), pauses, overrides, (s, k, ps, os) => {
        const cal = createWorkingCalendar({ years, overrides: os });
        const due = cal.addWorkingDays(s, k, ps);
        if (due === null) {
          assert.ok(ps.some((p) => p.to == null), 'null only with an open pause');
          return;
        }
        assert.equal(cal.countWorkingDays(s, due, ps), k);
        assert.equal(cal.isWorkingDay(due), true);
        assert.equal(pauseAt(due, ps), undefined);
        assert.ok(due > s);
      }),
      runs,
    );
  });

  test('monotonic in n: more days never give an earlier (or the same) due date', () => {
    fc.assert(
      fc.property(startDate, n, n, pauses, overrides, (s, k1, k2, ps, os) => {
        fc.pre(k1 !== k2);
        const [lo, hi] = k1 < k2 ? [k1, k2] : [k2, k1];
        const cal = createWorkingCalendar({ years, overrides: os });
        const a = cal.addWorkingDays(s, lo, ps);
        const b = cal.addWorkingDays(s, hi, ps);
        if (a === null) assert.equal(b, null);
        else if (b !== null) assert.ok(a < b, `${a} < ${b}`);
      }),
      runs,
    );
  });

  test('count is additive: count(a,b) + count(b,c) === count(a,c)', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, pauses, overrides, (a, b, c, ps, os) => {
        const cal = createWorkingCalendar({ years, overrides: os });
        assert.equal(cal.countWorkingDays(a, b, ps) + cal.countWorkingDays(b, c, ps), cal.countWorkingDays(a, c, ps));
      }),
      runs,
    );
  });

  test('literal convention equals the default convention started one day earlier (n ≥ 1)', () => {
    const next = createWorkingCalendar({ years });
    const literal = createWorkingCalendar({ years, firstDayIsNextWorkingDay: false });
    fc.assert(
      fc.property(startDate, fc.integer({ min: 1, max: 120 }), pauses, (s, k, ps) => {
        assert.equal(literal.addWorkingDays(s, k, ps), next.addWorkingDays(shift(s, -1), k, ps));
      }),
      runs,
    );
  });
});

describe('date primitives agree with Date over years 0001–9999', () => {
  const day = fc.integer({ min: Date.parse('0001-01-01T00:00:00Z') / DAY, max: Date.parse('9999-12-31T00:00:00Z') / DAY });
  test('round-trip, weekday and China-midnight rollover', () => {
    const cal = createWorkingCalendar({ years: [] });
    fc.assert(
      fc.property(day, (k) => {
        const iso = new Date(k * DAY).toISOString().slice(0, 10);
        assert.equal(isValidIsoDate(iso), true);
        assert.equal(dayOfWeek(iso), new Date(k * DAY).getUTCDay());
        assert.equal(cal.describeDay(iso).date, iso);
        assert.equal(todayInChina(new Date(k * DAY - 8 * 3_600_000)), iso);
        assert.equal(todayInChina(new Date(k * DAY + 16 * 3_600_000 - 1)), iso);
      }),
      { numRuns: 1000 },
    );
  });
  test('isValidIsoDate accepts exactly the dddd-dd-dd strings Date reproduces', () => {
    const padded = (max: number, width: number) => fc.integer({ min: 0, max }).map((v) => String(v).padStart(width, '0'));
    fc.assert(
      fc.property(padded(9999, 4), padded(13, 2), padded(32, 2), (y, m, d) => {
        const s = `${y}-${m}-${d}`;
        const ms = Date.parse(`${s}T00:00:00Z`);
        const real = Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === s;
        assert.equal(isValidIsoDate(s), real, s);
      }),
      { numRuns: 2000 },
    );
  });
});
