import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { breakIntoLines, computeJustifySpacing, countPages, paginateRows } from './notice-layout.ts';
import { formatChineseDate } from './notice-texts.ts';

// Every character one unit wide keeps the expected breaks easy to read.
const measure = (text: string): number => [...text].length;

describe('breakIntoLines', () => {
  it('breaks Chinese text between any two characters', () => {
    assert.deepEqual(breakIntoLines('一二三四五六七八九十', measure, 4), ['一二三四', '五六七八', '九十']);
  });

  it('gives the first line its own (indented) width', () => {
    assert.deepEqual(breakIntoLines('一二三四五六七八九十', measure, 2, 4), ['一二', '三四五六', '七八九十']);
  });

  it('keeps closing punctuation off the start of a line', () => {
    assert.deepEqual(breakIntoLines('一二三四，五六', measure, 4), ['一二三', '四，五六']);
    assert.deepEqual(breakIntoLines('一二三“四”。五', measure, 5), ['一二三', '“四”。五']);
    assert.deepEqual(breakIntoLines('一二三四。”五', measure, 5), ['一二三', '四。”五']);
  });

  it('keeps opening punctuation off the end of a line', () => {
    assert.deepEqual(breakIntoLines('一二三《四五》', measure, 4), ['一二三', '《四五》']);
  });

  it('keeps numbers, phone numbers and masked IDs whole', () => {
    assert.deepEqual(breakIntoLines('电话0571-12345678', measure, 14), ['电话', '0571-12345678']);
    assert.deepEqual(breakIntoLines('号码3301****1234。', measure, 13), ['号码', '3301****1234。']);
  });

  it('splits a run longer than a whole line', () => {
    assert.deepEqual(breakIntoLines('abcdefghij', measure, 4), ['abcd', 'efgh', 'ij']);
  });

  it('drops spaces at line ends and returns one empty line for empty text', () => {
    assert.deepEqual(breakIntoLines('一二三 四五', measure, 3), ['一二三', '四五']);
    assert.deepEqual(breakIntoLines('', measure, 3), ['']);
  });

  it('never exceeds the width except for a single unbreakable token', () => {
    const text = '如不服本决定，可以在收到本决定书之日起六十日内向示范县人民政府申请行政复议，或者在六个月内向人民法院提起行政诉讼。';
    for (const width of [5, 7, 11, 20]) {
      const lines = breakIntoLines(text, measure, width);
      assert.equal(lines.join(''), text);
      for (const line of lines) assert.ok(measure(line) <= width, `${line} wider than ${width}`);
      for (const line of lines.slice(1)) assert.doesNotMatch(line, /^[，。、；：？！）》”]/);
    }
  });
});

describe('computeJustifySpacing', () => {
  it('spreads the missing width over the gaps between characters', () => {
    assert.equal(computeJustifySpacing('一二三', 42, 46, 14), 2);
  });

  it('leaves short or overfull lines alone', () => {
    assert.equal(computeJustifySpacing('一二', 28, 200, 14), 0);
    assert.equal(computeJustifySpacing('一', 14, 200, 14), 0);
    assert.equal(computeJustifySpacing('一二三', 50, 46, 14), 0);
  });
});

describe('paginateRows', () => {
  const row = (height: number, keepWithNext = false) => ({ height, keepWithNext });

  it('fills pages in order', () => {
    const placements = paginateRows([row(40), row(40), row(40)], 100);
    assert.deepEqual(placements, [
      { page: 0, offset: 0 },
      { page: 0, offset: 40 },
      { page: 1, offset: 0 },
    ]);
    assert.equal(countPages(placements), 2);
  });

  it('carries rows marked keepWithNext to the next page with the row that did not fit', () => {
    const placements = paginateRows([row(30), row(30), row(30, true), row(30)], 100);
    assert.deepEqual(
      placements.map((p) => p.page),
      [0, 0, 1, 1],
    );
  });

  it('never empties a page of rows that all keep with the next', () => {
    const placements = paginateRows([row(50, true), row(50, true), row(50)], 100);
    assert.deepEqual(
      placements.map((p) => p.page),
      [0, 1, 1],
    );
  });

  it('puts a row taller than the page on a page of its own', () => {
    assert.deepEqual(
      paginateRows([row(10), row(150), row(10)], 100).map((p) => p.page),
      [0, 1, 2],
    );
  });
});

describe('formatChineseDate', () => {
  it('writes the date without zero padding', () => {
    assert.equal(formatChineseDate('2026-11-23'), '2026年11月23日');
    assert.equal(formatChineseDate('2026-01-05'), '2026年1月5日');
    assert.equal(formatChineseDate('2026-01-05T08:00:00Z'), '2026年1月5日');
  });

  it('rejects other formats', () => {
    assert.throws(() => formatChineseDate('23.11.2026'), RangeError);
  });
});
