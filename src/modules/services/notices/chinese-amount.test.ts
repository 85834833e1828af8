import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CHINESE_AMOUNT, toChineseCapitalAmount } from './chinese-amount.ts';

describe('toChineseCapitalAmount', () => {
  const cases: Array<[number, string]> = [
    // Zero and whole amounts end in 整.
    [0, '零元整'],
    [0.0, '零元整'],
    [1, '壹元整'],
    [9, '玖元整'],
    // 拾 always carries its digit, also at the start.
    [10, '壹拾元整'],
    [15, '壹拾伍元整'],
    [20, '贰拾元整'],
    [110, '壹佰壹拾元整'],
    [100, '壹佰元整'],
    [1000, '壹仟元整'],
    [15000, '壹万伍仟元整'],
    [100000, '壹拾万元整'],
    [100000000, '壹亿元整'],
    [1000000000000, '壹万亿元整'],
    // Inner zeros collapse to one 零.
    [101, '壹佰零壹元整'],
    [1005, '壹仟零伍元整'],
    [1050, '壹仟零伍拾元整'],
    [6007, '陆仟零柒元整'],
    [1409, '壹仟肆佰零玖元整'],
    // Zeros across the 万/亿 boundary.
    [10001, '壹万零壹元整'],
    [10010, '壹万零壹拾元整'],
    [10100, '壹万零壹佰元整'],
    [11000, '壹万壹仟元整'],
    [107000, '壹拾万柒仟元整'],
    [100700, '壹拾万零柒佰元整'],
    [1000100, '壹佰万零壹佰元整'],
    [10010000, '壹仟零壹万元整'],
    [100000001, '壹亿零壹元整'],
    [100010000, '壹亿零壹万元整'],
    [100001000, '壹亿零壹仟元整'],
    [110000000, '壹亿壹仟万元整'],
    [1000100000000, '壹万零壹亿元整'],
    [1000000010000, '壹万亿零壹万元整'],
    [123456789, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [2000500003, '贰拾亿零伍拾万零叁元整'],
    // 角 and 分.
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分'],
    [1409.5, '壹仟肆佰零玖元伍角'],
    [6007.14, '陆仟零柒元壹角肆分'],
    [1.5, '壹元伍角'],
    [0.5, '伍角'],
    [0.05, '伍分'],
    [0.55, '伍角伍分'],
    [0.01, '壹分'],
    // 角 is 0 but 分 is not: 零 after 元.
    [1005.05, '壹仟零伍元零伍分'],
    [325.04, '叁佰贰拾伍元零肆分'],
    [16409.02, '壹万陆仟肆佰零玖元零贰分'],
    [1.01, '壹元零壹分'],
    // 元位 is 0 but 角 is not: we take the 元零…角 form.
    [1680.32, '壹仟陆佰捌拾元零叁角贰分'],
    [107000.53, '壹拾万柒仟元零伍角叁分'],
    [10.5, '壹拾元零伍角'],
    // Rounding to the nearest 分.
    [12.345678, '壹拾贰元叁角伍分'],
    [99.999, '壹佰元整'],
    // Largest supported amount.
    [MAX_CHINESE_AMOUNT, '玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ];

  for (const [amount, expected] of cases) {
    it(`writes ${amount} as ${expected}`, () => {
      assert.equal(toChineseCapitalAmount(amount), expected);
    });
  }

  it('never writes two 零 in a row or ends the integer part with 零', () => {
    for (let yuan = 0; yuan <= 20_000; yuan += 7) {
      const text = toChineseCapitalAmount(yuan);
      assert.doesNotMatch(text, /零零/, `${yuan} → ${text}`);
      if (yuan > 0) assert.doesNotMatch(text, /零元/, `${yuan} → ${text}`);
      assert.doesNotMatch(text, /(^|[^壹贰叁肆伍陆柒捌玖])拾/, `${yuan} → ${text}`);
    }
  });

  for (const bad of [-1, -0.01, Number.NaN, Number.POSITIVE_INFINITY, MAX_CHINESE_AMOUNT * 10]) {
    it(`rejects ${bad}`, () => {
      assert.throws(() => toChineseCapitalAmount(bad), RangeError);
    });
  }
});
