// Table-driven checks against the real 2025/2026 calendars. Every expected value was worked out by
// hand from the State Council notices; the working days counted are listed in each row's `why`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedYears } from '../../core/calendar/holiday-data.ts';
import { createWorkingCalendar } from '../../core/calendar/working-days.ts';
import { deriveCaseClock, type ClockEntry, type ClockInput, type ClockState } from './case-clock.ts';

const calendar = createWorkingCalendar({ years: loadShippedYears() });

function clock(entries: ClockEntry[], today: string, options: Partial<Omit<ClockInput, 'entries' | 'today'>> = {}): ClockState {
  return deriveCaseClock(calendar, { promisedDays: 20, statutoryDays: null, warningDays: 2, ...options, entries, today });
}

const start = (on: string): ClockEntry => ({ kind: 'start', on });
const step = (on: string, limitDays: number | null, stepKey = 'review', stepName = '审查'): ClockEntry => ({ kind: 'step', on, stepKey, stepName, limitDays });
const supplement = (on: string): ClockEntry => ({ kind: 'pause', on, reason: 'supplement', label: '补正材料' });
const hearing = (on: string, maxDays: number | null = null): ClockEntry => ({ kind: 'pause', on, reason: 'special_procedure', label: '听证', maxDays });
const resume = (on: string): ClockEntry => ({ kind: 'resume', on });
const stop = (on: string): ClockEntry => ({ kind: 'stop', on });

interface Row {
  name: string;
  why: string;
  state: () => ClockState;
  expected: Partial<ClockState>;
}

// 2026-11 has no holiday: Mon 11/2 + 20 working days = 11/3–6, 9–13, 16–20, 23–27, Mon 11/30.
const rows: Row[] = [
  {
    name: '20 days across 国庆 2026',
    why: 'Fri 9/18: Sun 9/20 make-up (1), 9/21–24 (5), 中秋 9/25–27, 9/28–30 (8), 国庆 10/1–7, 10/8–9 (10), Sat 10/10 make-up (11), 10/12–16 (16), 10/19–22 (20)',
    state: () => clock([start('2026-09-18')], '2026-09-30'),
    expected: { timeState: 'normal', caseDeadline: '2026-10-22', usedDays: 8, remainingDays: 12, overdueDays: 0, nextChangeOn: '2026-10-20' },
  },
  {
    name: '20 days across 春节 2026, statutory 30',
    why: 'Mon 2/9: 2/10–13 (4), Sat 2/14 make-up (5), 春节 2/15–23, 2/24–27 (9), Sat 2/28 make-up (10), 3/2–6 (15), 3/9–13 (20); +10: 3/16–27',
    state: () => clock([start('2026-02-09')], '2026-02-23', { statutoryDays: 30 }),
    expected: { timeState: 'normal', caseDeadline: '2026-03-13', statutoryDeadline: '2026-03-27', usedDays: 5, remainingDays: 15 },
  },
  {
    name: '10 days across 国庆 2025',
    why: 'Fri 9/26: Sun 9/28 make-up (1), 9/29–30 (3), 国庆 10/1–8, 10/9–10 (5), Sat 10/11 make-up (6), 10/13–16 (10)',
    state: () => clock([start('2025-09-26')], '2025-10-08', { promisedDays: 10 }),
    expected: { timeState: 'normal', caseDeadline: '2025-10-16', usedDays: 3, remainingDays: 7 },
  },
  {
    name: 'supplement pause',
    why: 'paused Thu 11/5, supplied Mon 11/9: 11/6–11/9 excluded (Fri, Mon = 2); 11/30 + 2 = 12/2; used 11/3–5, 11/10–13, 11/16',
    state: () => clock([start('2026-11-02'), supplement('2026-11-05'), resume('2026-11-09')], '2026-11-16'),
    expected: {
      timeState: 'normal',
      caseDeadline: '2026-12-02',
      usedDays: 8,
      remainingDays: 12,
      pauses: [{ from: '2026-11-05', to: '2026-11-09', reason: 'supplement', label: '补正材料', workingDays: 2 }],
    },
  },
  {
    name: 'special procedure pause',
    why: '听证 Tue 11/10 to Fri 11/20: 11/11–20 excluded (8); 11/30 + 8 = 12/10; used 11/3–6, 11/9–10, 11/23',
    state: () => clock([start('2026-11-02'), hearing('2026-11-10'), resume('2026-11-20')], '2026-11-23'),
    expected: { timeState: 'normal', caseDeadline: '2026-12-10', usedDays: 7, remainingDays: 13 },
  },
  {
    name: 'two pauses',
    why: '2 + 8 excluded; 11/30 + 10 = 12/14; used 11/3–5, 11/10, 11/23',
    state: () => clock([start('2026-11-02'), supplement('2026-11-05'), resume('2026-11-09'), hearing('2026-11-10'), resume('2026-11-20')], '2026-11-23'),
    expected: { timeState: 'normal', caseDeadline: '2026-12-14', usedDays: 5, remainingDays: 15 },
  },
  {
    name: 'pause on the start day resumed the same day',
    why: 'nothing excluded: same deadline as without the pause',
    state: () => clock([start('2026-11-02'), supplement('2026-11-02'), resume('2026-11-02')], '2026-11-02'),
    expected: { timeState: 'normal', caseDeadline: '2026-11-30', usedDays: 0, remainingDays: 20, pauses: [{ from: '2026-11-02', to: '2026-11-02', reason: 'supplement', label: '补正材料', workingDays: 0 }] },
  },
  {
    name: 'step overdue while the case is fine',
    why: 'step limit 5 from 11/2 → Mon 11/9; on Tue 11/10 one day over; case used 6; warning from 11/26 (11/27, 11/30 left)',
    state: () => clock([start('2026-11-02'), step('2026-11-02', 5)], '2026-11-10'),
    expected: { timeState: 'normal', stepKey: 'review', stepDeadline: '2026-11-09', stepRemainingDays: -1, stepOverdue: true, remainingDays: 14, nextChangeOn: '2026-11-26' },
  },
  {
    name: 'step not yet overdue: next change is the day after its deadline',
    why: 'on Fri 11/6 only Mon 11/9 is left of the step',
    state: () => clock([start('2026-11-02'), step('2026-11-02', 5)], '2026-11-06'),
    expected: { stepDeadline: '2026-11-09', stepRemainingDays: 1, stepOverdue: false, nextChangeOn: '2026-11-10' },
  },
  {
    name: 'supplement at the acceptance step before the case clock starts',
    why: 'step + pause Fri 10/30, supplied Wed 11/4: 11/2–4 excluded; step days 11/5, 6, 9, 10, 11',
    state: () => clock([step('2026-10-30', 5, 'accept', '受理'), supplement('2026-10-30'), resume('2026-11-04')], '2026-11-06'),
    expected: { timeState: 'not_started', caseDeadline: null, remainingDays: null, usedDays: null, stepKey: 'accept', stepDeadline: '2026-11-11', stepRemainingDays: 3, nextChangeOn: '2026-11-12' },
  },
  {
    name: 'not started and the step already overdue stays not_started',
    why: 'step limit 1 from Fri 10/30 → Mon 11/2',
    state: () => clock([step('2026-10-30', 1, 'accept', '受理')], '2026-11-04'),
    expected: { timeState: 'not_started', stepOverdue: true, stepRemainingDays: -2, nextChangeOn: null },
  },
  {
    name: '即办件 on its start day',
    why: 'due the day it starts: 0 remaining <= 2 → warning; overdue from the next day',
    state: () => clock([start('2026-11-02')], '2026-11-02', { promisedDays: 0 }),
    expected: { timeState: 'warning', caseDeadline: '2026-11-02', remainingDays: 0, nextChangeOn: '2026-11-03' },
  },
  {
    name: '即办件 the day after',
    why: 'Tue 11/3 is one working day late',
    state: () => clock([start('2026-11-02')], '2026-11-03', { promisedDays: 0 }),
    expected: { timeState: 'overdue', remainingDays: -1, overdueDays: 1, nextChangeOn: null },
  },
  {
    name: '即办件 with warnings switched off',
    why: 'warningDays -1: 0 remaining is not a warning',
    state: () => clock([start('2026-11-02')], '2026-11-02', { promisedDays: 0, warningDays: -1 }),
    expected: { timeState: 'normal', nextChangeOn: '2026-11-03' },
  },
  ...fridayDeadlineRows(),
  {
    name: 'stopped on time',
    why: 'deadline Fri 11/6, concluded that day; looked at two weeks later',
    state: () => clock([start('2026-11-02'), stop('2026-11-06')], '2026-11-20', { promisedDays: 4 }),
    expected: { timeState: 'stopped', stoppedOn: '2026-11-06', concludedLate: false, caseDeadline: '2026-11-06', remainingDays: 0, overdueDays: 0, nextChangeOn: null },
  },
  {
    name: 'stopped late',
    why: 'deadline Fri 11/6, concluded Mon 11/9',
    state: () => clock([start('2026-11-02'), stop('2026-11-09')], '2026-11-20', { promisedDays: 4 }),
    expected: { timeState: 'stopped', concludedLate: true, remainingDays: -1, overdueDays: 1 },
  },
  {
    name: 'stopped on the Saturday after a Friday deadline',
    why: 'late by date, with no working day elapsed',
    state: () => clock([start('2026-11-02'), stop('2026-11-07')], '2026-11-07', { promisedDays: 4 }),
    expected: { timeState: 'stopped', concludedLate: true, overdueDays: 0 },
  },
  {
    name: 'withdrawn while waiting for a supplement',
    why: 'paused Wed 11/4, stopped Tue 11/10: 11/5–10 excluded; 11/3, 11/4, then 11/11, 11/12',
    state: () => clock([start('2026-11-02'), supplement('2026-11-04'), stop('2026-11-10')], '2026-11-10', { promisedDays: 4 }),
    expected: {
      timeState: 'stopped',
      caseDeadline: '2026-11-12',
      concludedLate: false,
      usedDays: 2,
      remainingDays: 2,
      pauses: [{ from: '2026-11-04', to: null, reason: 'supplement', label: '补正材料', workingDays: 4 }],
    },
  },
  {
    name: 'open hearing at its maximum',
    why: 'paused Tue 11/10; by Fri 11/13 3 working days (11/11–13) = maxDays 3, not over it',
    state: () => clock([start('2026-11-02'), step('2026-11-02', 5), hearing('2026-11-10', 3)], '2026-11-13'),
    expected: { timeState: 'paused', caseDeadline: null, stepDeadline: null, usedDays: 6, remainingDays: 14, pauseOverrun: null, nextChangeOn: null, stepOverdue: true, stepRemainingDays: -1 },
  },
  {
    name: 'open hearing past its maximum',
    why: 'by Mon 11/16 4 working days (11/11–13, 16) > 3',
    state: () => clock([start('2026-11-02'), hearing('2026-11-10', 3)], '2026-11-16'),
    expected: { timeState: 'paused', statutoryDeadline: null, usedDays: 6, remainingDays: 14, pauseOverrun: { label: '听证', maxDays: 3, usedDays: 4 } },
  },
];

// Deadline Fri 11/6 (Mon 11/2 + 4), warning at 2 remaining working days.
function fridayDeadlineRows(): Row[] {
  const cases: Array<[today: string, expected: Partial<ClockState>, why: string]> = [
    ['2026-11-03', { timeState: 'normal', remainingDays: 3, nextChangeOn: '2026-11-04' }, '11/4, 5, 6 left'],
    ['2026-11-04', { timeState: 'warning', remainingDays: 2, nextChangeOn: '2026-11-07' }, '11/5, 6 left'],
    ['2026-11-06', { timeState: 'warning', remainingDays: 0, nextChangeOn: '2026-11-07' }, 'due today'],
    ['2026-11-07', { timeState: 'overdue', remainingDays: 0, overdueDays: 0, nextChangeOn: null }, 'Saturday after the deadline: overdue by date'],
    ['2026-11-09', { timeState: 'overdue', remainingDays: -1, overdueDays: 1 }, 'Monday: one working day late'],
  ];
  return cases.map(([today, expected, why]) => ({
    name: `deadline Friday 11/6 seen on ${today}`,
    why,
    state: () => clock([start('2026-11-02')], today, { promisedDays: 4 }),
    expected: { caseDeadline: '2026-11-06', ...expected },
  }));
}

describe('deriveCaseClock with the real 2025/2026 calendars', () => {
  for (const row of rows) {
    test(`${row.name} (${row.why})`, () => {
      const state = row.state();
      for (const [key, value] of Object.entries(row.expected)) {
        assert.deepEqual(state[key as keyof ClockState], value, `${key} in ${JSON.stringify(state)}`);
      }
    });
  }
});

describe('explanation', () => {
  test('names the acceptance, the pause and the deadline with their dates', () => {
    const state = clock([start('2026-11-02'), step('2026-11-02', 5), supplement('2026-11-05'), resume('2026-11-09')], '2026-11-16', { statutoryDays: 30 });
    assert.deepEqual(state.explanation, [
      '2026-11-02 受理，承诺时限 20 个工作日，法定时限 30 个工作日',
      '2026-11-02 进入环节「审查」，环节时限 5 个工作日',
      '2026-11-05 至 2026-11-09 补正材料，暂停 2 个工作日',
      '截止日期 2026-12-02，剩余 12 个工作日',
      '法定截止日期 2026-12-16',
      '环节「审查」截止日期 2026-11-11，已超过环节时限 3 个工作日',
    ]);
  });
  test('an open pause past its maximum says so', () => {
    const text = clock([start('2026-11-02'), hearing('2026-11-10', 3)], '2026-11-16').explanation.join('\n');
    assert.match(text, /2026-11-10 起听证，尚未恢复，已暂停 4 个工作日/);
    assert.match(text, /超过最长 3 个工作日/);
    assert.match(text, /剩余 14 个工作日/);
  });
  test('facts come in history order: a supplement before acceptance precedes the acceptance', () => {
    const entries = [step('2026-10-30', 5, 'accept', '受理'), supplement('2026-10-30'), resume('2026-11-04'), start('2026-11-05')];
    assert.deepEqual(clock(entries, '2026-11-05').explanation.slice(0, 3), [
      '2026-10-30 进入环节「受理」，环节时限 5 个工作日',
      '2026-10-30 至 2026-11-04 补正材料，暂停 3 个工作日',
      '2026-11-05 受理，承诺时限 20 个工作日',
    ]);
  });
  test('not started and 即办件 are spelt out', () => {
    assert.equal(clock([step('2026-10-30', null, 'accept', '受理')], '2026-11-05').explanation[0], '尚未受理，办件时限未开始计算');
    assert.equal(clock([start('2026-11-02')], '2026-11-02', { promisedDays: 0 }).explanation[0], '2026-11-02 受理，即办件（当日办结）');
  });
  test('a late conclusion names the stop date and the overrun', () => {
    const text = clock([start('2026-11-02'), stop('2026-11-09')], '2026-11-09', { promisedDays: 4 }).explanation.join('\n');
    assert.match(text, /截止日期 2026-11-06/);
    assert.match(text, /2026-11-09 停止计时，超期 1 个工作日/);
  });
});

describe('a history that cannot have happened is a RangeError', () => {
  const cases: Array<[name: string, entries: ClockEntry[], message: RegExp]> = [
    ['entries out of date order', [start('2026-11-05'), step('2026-11-04', 5)], /out of date order/],
    ['a resume without a pause', [start('2026-11-02'), resume('2026-11-03')], /without an open pause/],
    ['a pause while paused', [start('2026-11-02'), supplement('2026-11-03'), hearing('2026-11-04')], /already paused since 2026-11-03/],
    ['an entry after the stop', [start('2026-11-02'), stop('2026-11-03'), resume('2026-11-04')], /after the clock stopped on 2026-11-03/],
    ['a second start', [start('2026-11-02'), start('2026-11-03')], /already started on 2026-11-02/],
    ['an entry after today', [start('2026-11-02'), stop('2026-11-30')], /after today/],
    ['a date that does not exist', [start('2026-02-29')], /not a YYYY-MM-DD date/],
    ['a fractional step limit', [start('2026-11-02'), step('2026-11-02', 2.5)], /limitDays must be a non-negative integer/],
  ];
  for (const [name, entries, message] of cases) {
    test(name, () => assert.throws(() => clock(entries, '2026-11-20'), (error: unknown) => error instanceof RangeError && message.test(error.message)));
  }
  test('a negative promise', () => {
    assert.throws(() => clock([start('2026-11-02')], '2026-11-20', { promisedDays: -1 }), RangeError);
  });
});

describe('explanation in English', () => {
  test('words the same facts in English when asked, with working days counted', () => {
    const state = clock([start('2026-11-02'), { kind: 'pause', on: '2026-11-04', reason: 'special_procedure', label: 'Hearing', maxDays: 10 }, resume('2026-11-05')], '2026-11-06', { promisedDays: 5, statutoryDays: 20, language: 'en' });
    assert.equal(state.explanation[0], '2026-11-02 accepted; promised limit 5 working days, statutory limit 20 working days');
    assert.equal(state.explanation[1], '2026-11-04 to 2026-11-05: Hearing, paused 1 working day');
    assert.match(state.explanation.join('\n'), /Deadline 2026-11-\d\d: \d working days? left/);
    assert.doesNotMatch(state.explanation.join('\n'), /[\u4e00-\u9fff]/);
  });
});
