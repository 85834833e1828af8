// Table-driven checks against real 2025/2026 dates; every expected value below was worked out by
// hand from the State Council notices (weekday noted where it matters).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedYears } from './holiday-data.ts';
import {
  addCalendarDays,
  createWorkingCalendar,
  dayOfWeek,
  describeYear,
  isValidIsoDate,
  todayInChina,
  type CalendarOverride,
  type Pause,
} from './working-days.ts';

const years = loadShippedYears();
const cal = createWorkingCalendar({ years });

describe('addWorkingDays (default: day 1 is the first working day after receipt)', () => {
  const rows: Array<[start: string, n: number, due: string, why: string]> = [
    ['2026-09-30', 1, '2026-10-08', 'Wed; 国庆 10/1–10/7 off; Thu 10/8 works'],
    ['2026-02-13', 1, '2026-02-14', 'Fri; Sat 2/14 is a 春节 make-up day'],
    ['2025-09-26', 1, '2025-09-28', 'Fri; Sat 9/27 off; Sun 9/28 make-up'],
    ['2025-12-31', 1, '2026-01-04', '元旦 1/1–1/3 off; Sun 1/4 make-up'],
    ['2026-05-08', 1, '2026-05-09', 'Fri; Sat 5/9 make-up'],
    ['2026-04-30', 1, '2026-05-06', '劳动节 5/1–5/5 off; Wed 5/6'],
    ['2026-04-30', 4, '2026-05-09', '5/6, 5/7, 5/8, Sat 5/9'],
    ['2026-02-14', 1, '2026-02-24', 'receipt on a make-up Saturday; 春节 2/15–2/23; Tue 2/24'],
    ['2026-02-10', 5, '2026-02-24', '2/11, 2/12, 2/13, Sat 2/14, Tue 2/24'],
    ['2025-01-24', 3, '2025-02-05', 'Sun 1/26 make-up, Mon 1/27, 春节 1/28–2/4, Wed 2/5'],
    ['2026-09-21', 20, '2026-10-26', '9/22-24 (3), 中秋 9/25-27, 9/28-30 (6), 国庆, 10/8-10 (9), 10/12-16 (14), 10/19-23 (19), Mon 10/26'],
    ['2025-01-01', 248, '2025-12-31', '2025 has 248 working days, the last one Wed 12/31'],
    ['2026-01-02', 0, '2026-01-02', 'n = 0 returns start, even on a holiday'],
    ['2026-12-31', 1, '2027-01-01', '2027 not shipped: plain Monday–Friday, Fri 1/1 counts'],
  ];
  for (const [start, n, due, why] of rows) {
    test(`${start} + ${n} → ${due} (${why})`, () => {
      assert.equal(cal.addWorkingDays(start, n), due);
      if (n > 0) assert.equal(cal.countWorkingDays(start, due), n);
    });
  }
});

describe('countWorkingDays (from < d ≤ to)', () => {
  const rows: Array<[from: string, to: string, count: number, why: string]> = [
    ['2026-02-13', '2026-02-27', 5, 'Sat 2/14 make-up + 2/24–2/27 across 春节'],
    ['2026-02-01', '2026-02-28', 16, '2/2–2/13 (10), Sat 2/14, 2/24–2/27 (4), Sat 2/28'],
    ['2026-09-19', '2026-09-20', 1, 'Sun 9/20 make-up'],
    ['2026-09-26', '2026-09-27', 0, '中秋 Sat/Sun'],
    ['2026-09-30', '2026-09-30', 0, 'empty interval'],
    ['2026-10-08', '2026-09-30', -1, 'reversed: -count(9/30, 10/8)'],
    ['2025-12-31', '2026-12-31', 248, 'all of 2026'],
    ['2024-12-31', '2025-12-31', 248, 'all of 2025'],
  ];
  for (const [from, to, count, why] of rows) {
    test(`${from} → ${to} = ${count} (${why})`, () => assert.equal(cal.countWorkingDays(from, to), count));
  }
});

describe('pauses', () => {
  const rows: Array<[start: string, n: number, pauses: Pause[], due: string | null, why: string]> = [
    ['2026-09-21', 20, [{ from: '2026-09-28', to: '2026-10-09' }], '2026-11-02', 'pause eats 9/28-30, 10/8-9: 9/22-24, Sat 10/10, 10/12-30 (19), Mon 11/2'],
    ['2026-09-30', 1, [{ from: '2026-10-01', to: '2026-10-07' }], '2026-10-08', 'pause inside 国庆 costs nothing'],
    ['2026-02-10', 5, [{ from: '2026-02-12', to: '2026-02-25' }], '2026-03-02', '2/11, pause over 春节, 2/26, 2/27, Sat 2/28, Mon 3/2'],
    ['2026-02-10', 5, [{ from: '2026-02-14', to: '2026-02-25' }, { from: '2026-02-12', to: '2026-02-16' }], '2026-03-02', 'overlapping unsorted pauses merge'],
    ['2026-02-10', 5, [{ from: '2026-02-12', to: '2026-02-13' }, { from: '2026-02-14', to: '2026-02-25' }], '2026-03-02', 'adjacent pauses'],
    ['2026-09-21', 5, [{ from: '2026-09-24' }], null, 'open pause reached before day 5: unknown'],
    ['2026-09-21', 2, [{ from: '2026-09-24', to: null }], '2026-09-23', 'due before the open pause starts'],
  ];
  for (const [start, n, pauses, due, why] of rows) {
    test(`${start} + ${n} with ${JSON.stringify(pauses)} → ${due} (${why})`, () => {
      assert.equal(cal.addWorkingDays(start, n, pauses), due);
      if (due !== null) assert.equal(cal.countWorkingDays(start, due, pauses), n);
    });
  }
  test('an open pause stops the count', () => {
    assert.equal(cal.countWorkingDays('2026-09-21', '2026-10-31', [{ from: '2026-09-24' }]), 2);
  });
  test('a pause ending before it starts is rejected', () => {
    assert.throws(() => cal.addWorkingDays('2026-09-21', 1, [{ from: '2026-09-24', to: '2026-09-23' }]), RangeError);
  });
  test('remainingWorkingDays: positive before due, 0 on due, negative when overdue', () => {
    assert.equal(cal.remainingWorkingDays('2026-10-08', '2026-09-29'), 2);
    assert.equal(cal.remainingWorkingDays('2026-10-08', '2026-10-08'), 0);
    assert.equal(cal.remainingWorkingDays('2026-10-08', '2026-10-12'), -3); // 10/9, Sat 10/10, 10/12
    assert.equal(cal.remainingWorkingDays('2026-11-02', '2026-09-21', [{ from: '2026-09-28', to: '2026-10-09' }]), 20);
  });
});

describe('firstDayIsNextWorkingDay = false (the day of receipt counts when it is a working day)', () => {
  const literal = createWorkingCalendar({ years, firstDayIsNextWorkingDay: false });
  const rows: Array<[start: string, n: number, due: string]> = [
    ['2026-09-30', 1, '2026-09-30'],
    ['2026-10-01', 1, '2026-10-08'],
    ['2026-10-01', 2, '2026-10-09'],
    ['2026-09-21', 20, '2026-10-23'],
    ['2026-09-21', 0, '2026-09-21'],
  ];
  for (const [start, n, due] of rows) test(`${start} + ${n} → ${due}`, () => assert.equal(literal.addWorkingDays(start, n), due));
  test('the flag is exposed', () => {
    assert.equal(literal.firstDayIsNextWorkingDay, false);
    assert.equal(cal.firstDayIsNextWorkingDay, true);
  });
});

describe('overrides win over shipped data', () => {
  const overrides: CalendarOverride[] = [
    { date: '2026-03-10', working: false, note: '台风停工' },
    { date: '2026-03-14', working: true, note: '集中办公日' },
    { date: '2026-02-14', working: false },
    { date: '2026-10-02', working: true, note: 'first' },
    { date: '2026-10-02', working: true, note: 'last wins' },
    { date: '2030-01-05', working: true },
  ];
  const local = createWorkingCalendar({ years, overrides });
  const rows: Array<[start: string, n: number, due: string, why: string]> = [
    ['2026-03-09', 1, '2026-03-11', 'Tue 3/10 closed'],
    ['2026-03-13', 1, '2026-03-14', 'Sat 3/14 working'],
    ['2026-02-13', 1, '2026-02-24', 'make-up Sat 2/14 cancelled'],
    ['2026-09-30', 1, '2026-10-02', 'holiday Fri 10/2 made working'],
    ['2030-01-04', 1, '2030-01-05', 'override in an uncovered year (Sat 1/5/2030)'],
  ];
  for (const [start, n, due, why] of rows) test(`${start} + ${n} → ${due} (${why})`, () => assert.equal(local.addWorkingDays(start, n), due));
  test('describeDay keeps the underlying kind and reports the override', () => {
    assert.deepEqual(local.describeDay('2026-03-10'), { date: '2026-03-10', working: false, kind: 'workday', override: { working: false, note: '台风停工' } });
    assert.deepEqual(local.describeDay('2026-03-14'), { date: '2026-03-14', working: true, kind: 'weekend', override: { working: true, note: '集中办公日' } });
    assert.deepEqual(local.describeDay('2026-02-14'), { date: '2026-02-14', working: false, kind: 'makeup_workday', name: '春节', override: { working: false } });
    assert.deepEqual(local.describeDay('2026-10-02'), { date: '2026-10-02', working: true, kind: 'holiday', name: '国庆节', override: { working: true, note: 'last wins' } });
  });
});

describe('describeDay / isWorkingDay', () => {
  const rows: Array<[date: string, expected: object]> = [
    ['2026-01-04', { date: '2026-01-04', working: true, kind: 'makeup_workday', name: '元旦' }],
    ['2026-05-09', { date: '2026-05-09', working: true, kind: 'makeup_workday', name: '劳动节' }],
    ['2026-02-17', { date: '2026-02-17', working: false, kind: 'holiday', name: '春节' }],
    ['2025-10-08', { date: '2025-10-08', working: false, kind: 'holiday', name: '国庆节、中秋节' }],
    ['2026-03-07', { date: '2026-03-07', working: false, kind: 'weekend' }],
    ['2026-03-09', { date: '2026-03-09', working: true, kind: 'workday' }],
    ['2027-10-01', { date: '2027-10-01', working: true, kind: 'workday' }], // Friday; 2027 not shipped
  ];
  for (const [date, expected] of rows) {
    test(date, () => {
      assert.deepEqual(cal.describeDay(date), expected);
      assert.equal(cal.isWorkingDay(date), (expected as { working: boolean }).working);
    });
  }
  test('coverage', () => {
    assert.deepEqual(cal.coveredYears(), [2025, 2026]);
    assert.equal(cal.isYearCovered(2026), true);
    assert.equal(cal.isYearCovered(2027), false);
  });
});

describe('describeYear', () => {
  test('2026: 365 days in order, 33 holiday days, 6 make-up days, 248 working days', () => {
    const days = describeYear(cal, 2026);
    assert.equal(days.length, 365);
    assert.equal(days[0]?.date, '2026-01-01');
    assert.equal(days.at(-1)?.date, '2026-12-31');
    assert.equal(days.filter((d) => d.kind === 'holiday').length, 33);
    assert.equal(days.filter((d) => d.kind === 'makeup_workday').length, 6);
    assert.equal(days.filter((d) => d.working).length, 248);
  });
  test('leap year 2028 (not shipped) has 366 days, 260 of them Monday–Friday', () => {
    const days = describeYear(cal, 2028);
    assert.equal(days.length, 366);
    assert.equal(days[59]?.date, '2028-02-29');
    assert.equal(days.filter((d) => d.working).length, 260); // starts Sat: 52 weeks + Sat + Sun
  });
  test('rejects a non-integer year', () => assert.throws(() => describeYear(cal, 2026.5), RangeError));
});

describe('input validation and helpers', () => {
  test('isValidIsoDate', () => {
    for (const ok of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31']) assert.equal(isValidIsoDate(ok), true, ok);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '2026-01-01T00:00', ' 2026-01-01', '20260101', '', '２０２６-01-01', 20260101, null]) {
      assert.equal(isValidIsoDate(bad), false, String(bad));
    }
  });
  test('bad arguments throw RangeError', () => {
    assert.throws(() => cal.addWorkingDays('2026-02-30', 1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-02-01', -1), RangeError);
    assert.throws(() => cal.addWorkingDays('2026-02-01', 1.5), RangeError);
    assert.throws(() => cal.countWorkingDays('2026-02-01', '2026/02/03'), RangeError);
    assert.throws(() => cal.describeDay('tomorrow'), RangeError);
    assert.throws(() => createWorkingCalendar({ years: [...years, ...years] }), /given twice/);
  });
  test('addCalendarDays crosses months, years and leap days both ways', () => {
    assert.equal(addCalendarDays('2026-10-09', 1), '2026-10-10');
    assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addCalendarDays('2026-01-01', -366), '2024-12-31');
    assert.equal(addCalendarDays('2026-06-15', 0), '2026-06-15');
    assert.throws(() => addCalendarDays('2026-02-30', 1), RangeError);
  });
  test('dayOfWeek (0 = Sunday)', () => {
    assert.equal(dayOfWeek('2026-01-04'), 0);
    assert.equal(dayOfWeek('2026-10-08'), 4);
    assert.equal(dayOfWeek('2026-02-14'), 6);
  });
  test('todayInChina rolls over at Beijing midnight (16:00 UTC)', () => {
    assert.equal(todayInChina(new Date('2026-02-14T15:59:59.999Z')), '2026-02-14');
    assert.equal(todayInChina(new Date('2026-02-14T16:00:00.000Z')), '2026-02-15');
    assert.equal(todayInChina(new Date('2025-12-31T16:00:00Z')), '2026-01-01');
    assert.throws(() => todayInChina(new Date('nope')), RangeError);
  });
  test('hot path: 10,000 due dates of 300 working days stay fast', () => {
    const pauses = [{ from: '2026-03-01', to: '2026-03-20' }];
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) cal.addWorkingDays('2025-06-01', 300, pauses);
    assert.ok(performance.now() - t0 < 2000, 'expected well under 2 s');
  });
});
