// Small tests of the workbook cells: how each is read back, and which sheet, row and column a guide problem lands on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cellText, formatAudiences, formatItemType, formatThemes, parseAmount, parseAudiences, parseCaseKind, parseItemType, parseThemes, parseWholeNumber, parseYesNo } from './items-excel.columns.ts';
import { buildGuide, ImportReport, parseItemRow, parseMaterialRow } from './items-excel.rows.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) => (parsed.ok ? parsed.value : `✗ ${parsed.message}`);

describe('items-excel cells', () => {
  it('reads what the export writes, and what people type', () => {
    const cases: Array<[unknown, unknown]> = [
      [value(parseItemType('01 行政许可')), '01'],
      [value(parseItemType(1)), '01'],
      [value(parseItemType('公共服务')), '20'],
      [String(value(parseItemType('99'))).startsWith('✗ 事项类型“99”不存在'), true],
      [value(parseCaseKind('即办件')), 'immediate'],
      [value(parseCaseKind('')), undefined],
      [value(parseAudiences('自然人、法人')), ['person', 'company']],
      [value(parseAudiences('person,company,person')), ['person', 'company']],
      [value(parseThemes('食品药品 经营许可')), ['food_drug', 'operation']],
      [value(parseThemes('火星移民')), '✗ 主题分类“火星移民”不存在'],
      [value(parseWholeNumber('20', 0, 365)), 20],
      [value(parseWholeNumber(null, 0, 365)), null],
      [value(parseWholeNumber(2.5, 0, 365)), '✗ 应为 0–365 的整数'],
      [value(parseYesNo('是')), true],
      [value(parseYesNo(false)), false],
      [value(parseYesNo('也许')), '✗ 应填“是”或“否”'],
      [value(parseAmount('¥1,200.50')), 1200.5],
      [value(parseAmount(0.015)), '✗ 金额最多保留两位小数'],
      [cellText("'=1+1"), '=1+1'],
      [cellText("'普通文本"), "'普通文本"],
    ];
    cases.forEach(([actual, expected], index) => assert.deepEqual(actual, expected, `case ${index}`));
  });

  it('formats round-trip through the parsers', () => {
    assert.equal(value(parseItemType(formatItemType('07'))), '07');
    assert.deepEqual(value(parseAudiences(formatAudiences(['company', 'person']))), ['company', 'person']);
    assert.deepEqual(value(parseThemes(formatThemes(['startup', 'closure']))), ['startup', 'closure']);
  });
});

describe('items-excel guide problems', () => {
  it('puts each problem on its sheet, row and column, once per cell', () => {
    const report = new ImportReport();
    const draft = parseItemRow({ row: 7, cells: { creditCode: '', basicCode: 'abc-1', name: '', itemType: '01', statutoryDays: 'x' } }, report);
    const material = parseMaterialRow({ row: 3, cells: { implementationCode: 'X1', name: '', form: '纸质' } }, report);
    draft.materials.push({ row: material.row, input: material.input });
    assert.equal(buildGuide(draft, null, report), null);
    assert.deepEqual(
      report.sorted().map(({ sheet, row, column }) => `${sheet}!${row}:${column}`),
      ['事项!7:法定办结时限（工作日）', '事项!7:统一社会信用代码', '事项!7:事项名称', '事项!7:基本编码', '申请材料!3:材料形式', '申请材料!3:材料名称'],
    );
    assert.ok(report.entries.every((entry) => /[\u4e00-\u9fff]/.test(entry.message)), 'messages are Chinese');
  });
});
