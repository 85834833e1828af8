import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidMobilePhone, maskPhone, normalizeMobilePhone } from './phone.ts';

describe('normalizeMobilePhone', () => {
  const good: Array<[string, string]> = [
    ['13812341234', '13812341234'],
    ['19900001111', '19900001111'],
    [' 138 1234 1234 ', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
  ];
  for (const [input, out] of good) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      assert.equal(normalizeMobilePhone(input), out);
      assert.equal(isValidMobilePhone(input), true);
    });
  }
  const bad = [
    '',
    '1381234123',
    '138123412345',
    '12812341234',
    '10012341234',
    '23812341234',
    '0138123412345',
    '1381234123a',
    '(138)12341234',
    '+85213812341234',
    '86138123412',
    '０１３８１２３４１２３４',
  ];
  for (const input of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.equal(normalizeMobilePhone(input), null);
      assert.equal(isValidMobilePhone(input), false);
    });
  }
  it('rejects non-string input', () => assert.equal(isValidMobilePhone(42 as unknown as string), false));
});

describe('maskPhone', () => {
  it('masks the middle four digits', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
    assert.equal(maskPhone('+86 138-1234-1234'), '138****1234');
  });
  it('masks other input without throwing', () => {
    assert.equal(maskPhone('010-12345678'), '010*****5678');
    assert.equal(maskPhone('1234567'), '*******');
    assert.equal(maskPhone(''), '');
  });
});

describe('phone properties', () => {
  const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
  it('every 1[3-9]xxxxxxxxx number is valid, with or without +86, and masks to 3+4', () => {
    fc.assert(
      fc.property(mobile, (n) => {
        assert.equal(normalizeMobilePhone(n), n);
        assert.equal(normalizeMobilePhone(`+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`), n);
        assert.equal(maskPhone(n), `${n.slice(0, 3)}****${n.slice(7)}`);
      }),
    );
  });
  it('a second digit of 0–2 is never valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[0-2]\d{9}$/), (n) => assert.equal(isValidMobilePhone(n), false)),
    );
  });
});
