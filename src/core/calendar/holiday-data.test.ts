// Shipped holiday data sanity checks (independent of the calendar code: plain Date arithmetic)
// plus the loader's error reporting for broken files.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadShippedYears, parseShippedYear, readShippedYearsFrom } from './holiday-data.ts';
import { createWorkingCalendar } from './working-days.ts';

const DAY = 86_400_000;
const expand = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

// Hand-counted from the State Council notices.
const expected: Record<number, { holidayDates: number; makeup: string[]; perHoliday: Record<string, number> }> = {
  2025: {
    holidayDates: 28,
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    perHoliday: { 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 },
  },
  2026: {
    holidayDates: 33,
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    perHoliday: { 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 },
  },
};

const shipped = loadShippedYears();

test('ships exactly 2025 and 2026, ascending', () => {
  assert.deepEqual(shipped.map((y) => y.year), [2025, 2026]);
});

for (const data of shipped) {
  describe(`shipped ${data.year}`, () => {
    const want = expected[data.year];
    const holidayDays = data.holidays.flatMap((h) => expand(h.from, h.to));
    test('names its source notice', () => assert.equal(data.source, `国务院办公厅关于${data.year}年部分节假日安排的通知`));
    test('every holiday day and make-up day lies in its year', () => {
      for (const d of [...holidayDays, ...data.makeupWorkdays.map((m) => m.date)]) assert.ok(d.startsWith(`${data.year}-`), d);
    });
    test('make-up days are Saturdays or Sundays and not holidays', () => {
      for (const { date } of data.makeupWorkdays) {
        assert.ok([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()), `${date} is a weekend`);
        assert.ok(!holidayDays.includes(date), `${date} is not a holiday`);
      }
    });
    test('holidays do not overlap', () => assert.equal(new Set(holidayDays).size, holidayDays.length));
    test(`totals: ${want?.holidayDates} holiday dates, ${want?.makeup.length} make-up days`, () => {
      assert.ok(want, 'expected table has this year');
      assert.equal(holidayDays.length, want.holidayDates);
      assert.deepEqual(data.makeupWorkdays.map((m) => m.date), want.makeup);
      assert.deepEqual(Object.fromEntries(data.holidays.map((h) => [h.name, expand(h.from, h.to).length])), want.perHoliday);
    });
  });
}

test('shipped data is frozen and loadShippedYears returns a fresh array', () => {
  const [first] = loadShippedYears();
  assert.ok(first && Object.isFrozen(first) && Object.isFrozen(first.holidays) && Object.isFrozen(first.holidays[0]));
  assert.notEqual(loadShippedYears(), loadShippedYears());
});

describe('loader errors name the file', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withFiles = (files: Record<string, string | object>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'zt-holidays-'));
    dirs.push(dir);
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
    return dir;
  };
  const good = {
    year: 2027,
    source: 'test',
    holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' }],
    makeupWorkdays: [{ date: '2027-01-09', for: '元旦' }],
  };
  const cases: Array<[what: string, body: string | object, message: RegExp, file?: string]> = [
    ['not JSON', '{ "year": 2027,', /not valid JSON/],
    ['missing field', { ...good, source: undefined }, /malformed[\s\S]*source/],
    ['misspelt key', { ...good, makeupWorkday: [] }, /malformed[\s\S]*makeupWorkday/],
    ['impossible date', { ...good, holidays: [{ ...good.holidays[0], to: '2027-02-30' }] }, /malformed[\s\S]*YYYY-MM-DD/],
    ['date in another year', { ...good, holidays: [{ ...good.holidays[0], from: '2026-12-31' }] }, /2026-12-31 is not in 2027/],
    ['to in the previous year', { ...good, holidays: [{ ...good.holidays[0], to: '2026-12-30' }] }, /not in 2027/],
    ['reversed range', { ...good, holidays: [{ ...good.holidays[0], from: '2027-01-03', to: '2027-01-01' }] }, /before from/],
    ['overlapping holidays', { ...good, holidays: [...good.holidays, { name: 'x', nameEn: 'x', from: '2027-01-03', to: '2027-01-04' }] }, /already part of 元旦/],
    ['make-up on a weekday', { ...good, makeupWorkdays: [{ date: '2027-01-08', for: '元旦' }] }, /Saturday or Sunday/],
    ['make-up for an unknown holiday', { ...good, makeupWorkdays: [{ date: '2027-01-09', for: '春节' }] }, /names no holiday/],
    ['year does not match file name', { ...good, year: 2028 }, /file name says 2027/],
    ['bad file name', good, /must be <year>\.json/, 'holidays-2027.json'],
  ];
  for (const [what, body, message, file = '2027.json'] of cases) {
    test(what, () => {
      const dir = withFiles({ [file]: body });
      assert.throws(() => readShippedYearsFrom(dir), (error: Error) => {
        assert.match(error.message, message);
        assert.ok(error.message.includes(join(dir, file)), `message names ${file}: ${error.message}`);
        return true;
      });
    });
  }
  test('adding a year is adding one file; other files are ignored', () => {
    const dir = withFiles({ '2027.json': good, 'README.md': 'notes' });
    const years = readShippedYearsFrom(dir);
    const cal = createWorkingCalendar({ years: [...shipped, ...years] });
    assert.deepEqual(cal.coveredYears(), [2025, 2026, 2027]);
    assert.equal(cal.describeDay('2027-01-01').kind, 'holiday');
    assert.equal(cal.addWorkingDays('2026-12-31', 1), '2027-01-04'); // 元旦 1/1–1/3 (Fri–Sun in this fixture)
  });
  test('parseShippedYear uses the given label', () => {
    assert.throws(() => parseShippedYear({}, 'inline-fixture'), /inline-fixture is malformed/);
  });
});
