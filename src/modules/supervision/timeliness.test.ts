// Timeliness levels and their next change on the real 2026 calendar: National Day with its make-up Saturday,
// the Spring Festival with make-up days on both sides, and thresholds other than the defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedYears } from '../../core/calendar/holiday-data.ts';
import { createWorkingCalendar } from '../../core/calendar/working-days.ts';
import { DEFAULT_TIMELINESS_THRESHOLDS, levelsUpTo, nextTimelinessChange, timelinessLevel, timelinessThresholdsSchema } from './timeliness.ts';

const calendar = createWorkingCalendar({ years: loadShippedYears() });
const defaults = DEFAULT_TIMELINESS_THRESHOLDS;

test('a deadline after National Day 2026: warning three working days ahead, yellow after it, red past five working days', () => {
  const due = '2026-10-09'; // Friday; 10-01…10-07 are holidays, Saturday 10-10 is a make-up workday
  const table: Array<[string, string | null, string | null]> = [
    ['2026-09-28', null, '2026-09-30'],
    ['2026-09-29', null, '2026-09-30'],
    ['2026-09-30', 'warning', '2026-10-10'], // 10-08 and 10-09 remain: two working days
    ['2026-10-05', 'warning', '2026-10-10'],
    ['2026-10-09', 'warning', '2026-10-10'],
    ['2026-10-10', 'yellow', '2026-10-16'], // the make-up Saturday is the first working day past the deadline
    ['2026-10-11', 'yellow', '2026-10-16'],
    ['2026-10-15', 'yellow', '2026-10-16'], // 10-10, 12, 13, 14, 15: five working days over
    ['2026-10-16', 'red', null],
    ['2027-03-01', 'red', null],
  ];
  for (const [today, level, next] of table) {
    assert.equal(timelinessLevel(calendar, due, today, defaults), level, `level on ${today}`);
    assert.equal(nextTimelinessChange(calendar, due, today, defaults), next, `next change after ${today}`);
  }
});

test('the Spring Festival 2026: the make-up Saturdays count as working days on both sides of the deadline', () => {
  const due = '2026-02-13'; // Friday; 02-14 and 02-28 are make-up Saturdays, 02-15…02-23 holidays
  assert.equal(nextTimelinessChange(calendar, due, '2026-02-01', defaults), '2026-02-11');
  assert.equal(timelinessLevel(calendar, due, '2026-02-14', defaults), 'yellow');
  assert.equal(nextTimelinessChange(calendar, due, '2026-02-14', defaults), '2026-02-28');
  assert.equal(timelinessLevel(calendar, due, '2026-02-27', defaults), 'yellow');
  assert.equal(timelinessLevel(calendar, due, '2026-02-28', defaults), 'red');
});

test('thresholds of an item: no warning ahead at 0 days but on the day itself; red at the first working day over with 0', () => {
  const strict = { warningDays: 0, redAfterOverdueDays: 0 };
  assert.equal(timelinessLevel(calendar, '2026-10-09', '2026-10-08', strict), null);
  assert.equal(nextTimelinessChange(calendar, '2026-10-09', '2026-10-08', strict), '2026-10-09');
  assert.equal(timelinessLevel(calendar, '2026-10-09', '2026-10-09', strict), 'warning');
  // A deadline on a Sunday (a rule may set any day): warning from the Friday before, when no working day remains.
  assert.equal(nextTimelinessChange(calendar, '2026-11-29', '2026-11-20', strict), '2026-11-27');
  // Overdue on a non-working day: yellow until the first working day over, then red at once.
  assert.equal(timelinessLevel(calendar, '2026-11-27', '2026-11-28', strict), 'yellow');
  assert.equal(nextTimelinessChange(calendar, '2026-11-27', '2026-11-28', strict), '2026-11-30');
  assert.equal(timelinessLevel(calendar, '2026-11-27', '2026-11-30', strict), 'red');
});

test('levels are cumulative and ordered', () => {
  assert.deepEqual(levelsUpTo(null), []);
  assert.deepEqual(levelsUpTo('yellow'), ['warning', 'yellow']);
  assert.deepEqual(levelsUpTo('red'), ['warning', 'yellow', 'red']);
});

test('thresholds are whole working days in range, and nothing else', () => {
  assert.ok(timelinessThresholdsSchema.safeParse({ warningDays: 3, redAfterOverdueDays: 10 }).success);
  for (const bad of [{ warningDays: -1, redAfterOverdueDays: 5 }, { warningDays: 2.5, redAfterOverdueDays: 5 }, { warningDays: 2 }, { warningDays: 2, redAfterOverdueDays: 5, extra: 1 }, { warningDays: 31, redAfterOverdueDays: 5 }]) {
    assert.equal(timelinessThresholdsSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
