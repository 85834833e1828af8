import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  computeCreditCodeCheck,
  computeOrgCodeCheck,
  isValidCreditCode,
  makeCreditCode,
  maskCreditCode,
  parseCreditCode,
} from './credit-code.ts';

// Real, published codes (the first is the one the brief requires).
const KNOWN_GOOD = [
  '9144030071526726XG',
  '91350100M000100Y43',
  '91110108551385082Q',
  '91440300708461136T',
  '91310000607216596U',
];

// Replaces the character at `pos`.
function swap(s: string, pos: number, c: string): string {
  return s.slice(0, pos) + c + s.slice(pos + 1);
}

describe('computeOrgCodeCheck', () => {
  const table: Array<[string, string]> = [
    ['71526726', 'X'],
    ['55138508', '2'],
    ['M000100Y', '4'],
    ['70846113', '6'],
  ];
  for (const [body, check] of table) {
    it(`${body} → ${check}`, () => assert.equal(computeOrgCodeCheck(body), check));
  }
  it("maps 11 − 0 = 11 to '0' and 11 − 1 = 10 to 'X'", () => {
    assert.equal(computeOrgCodeCheck('00000000'), '0');
    assert.equal(computeOrgCodeCheck('71526726'), 'X');
  });
  it('maps letters A=10 … Z=35, including ones the credit-code charset forbids', () => {
    // Z (35) in the last position: Σ = 70, 70 mod 11 = 4 → 7.
    assert.equal(computeOrgCodeCheck('0000000Z'), '7');
  });
  it('rejects malformed bodies', () => {
    for (const bad of ['', '7152672', '715267261', '7152672x', '7152672-']) {
      assert.throws(() => computeOrgCodeCheck(bad), RangeError, bad);
    }
  });
});

describe('computeCreditCodeCheck', () => {
  for (const code of KNOWN_GOOD) {
    it(`reproduces the check of ${code}`, () => assert.equal(computeCreditCodeCheck(code.slice(0, 17)), code[17]));
  }
  it('rejects bodies with forbidden or lower-case characters', () => {
    for (const bad of ['9144030071526726', '9144030071526726XX', '9144030071526726x', 'I144030071526726']) {
      assert.throws(() => computeCreditCodeCheck(bad), RangeError, bad);
    }
  });
});

describe('parseCreditCode', () => {
  it('parses the parts', () => {
    assert.deepEqual(parseCreditCode('9144030071526726XG'), {
      ok: true,
      value: '9144030071526726XG',
      registrationAuthority: '9',
      entityType: '1',
      regionCode: '440300',
      orgCode: '71526726X',
    });
  });
  for (const code of KNOWN_GOOD) {
    it(`accepts ${code}, lower-case and padded`, () => {
      assert.equal(isValidCreditCode(code), true);
      const r = parseCreditCode(`  ${code.toLowerCase()} `);
      assert.ok(r.ok);
      assert.equal(r.value, code);
    });
  }

  const bad: Array<[string, string, 'format' | 'org_code_check' | 'check_digit']> = [
    ['empty', '', 'format'],
    ['17 chars', '9144030071526726X', 'format'],
    ['19 chars', '9144030071526726XG0', 'format'],
    ['letter I', '91440300I1526726XG', 'format'],
    ['letter O', '91440300O1526726XG', 'format'],
    ['letter Z', '91440300Z1526726XG', 'format'],
    ['letter S', '91440300S1526726XG', 'format'],
    ['letter V', '91440300V1526726XG', 'format'],
    ['lower-case i', '91440300i1526726xg', 'format'],
    ['inner hyphen', '91440300-71526726X', 'format'],
    ['wrong final check', '9144030071526726XH', 'check_digit'],
    ['wrong org check', '914403007152672601', 'org_code_check'],
    ['org body typo', '9144030071526727XG', 'org_code_check'],
    ['region typo', '9144030171526726XG', 'check_digit'],
    // '7' (7) → 'T' (29): the difference 22 ≡ 0 (mod 11) keeps the org check valid; MOD 31 catches it.
    ['org-check-preserving typo', '91440300T1526726XG', 'check_digit'],
  ];
  for (const [label, input, reason] of bad) {
    it(`rejects ${label} as ${reason}`, () => {
      assert.deepEqual(parseCreditCode(input), { ok: false, reason });
      assert.equal(isValidCreditCode(input), false);
    });
  }
  it('treats non-string input as a format error', () => {
    assert.deepEqual(parseCreditCode(null as unknown as string), { ok: false, reason: 'format' });
  });
});

describe('makeCreditCode', () => {
  it('rebuilds known codes from their parts', () => {
    for (const code of KNOWN_GOOD) assert.equal(makeCreditCode(code.slice(0, 8), code.slice(8, 16)), code);
  });
  it('normalises case', () => assert.equal(makeCreditCode('91350100', 'm000100y'), '91350100M000100Y43'));
  it('rejects bad prefixes and bodies', () => {
    assert.throws(() => makeCreditCode('9144030', '71526726'), RangeError);
    assert.throws(() => makeCreditCode('9144A300', '71526726'), RangeError);
    assert.throws(() => makeCreditCode('I1440300', '71526726'), RangeError);
    assert.throws(() => makeCreditCode('91440300', '7152672O'), RangeError);
    assert.throws(() => makeCreditCode('91440300', '7152672'), RangeError);
  });
});

describe('maskCreditCode', () => {
  it('keeps the prefix and the last 2', () => assert.equal(maskCreditCode('9144030071526726xg'), '91440300********XG'));
  it('masks short input entirely', () => assert.equal(maskCreditCode('abc'), '***'));
});

const ch = fc.constantFrom(...CREDIT_CODE_CHARSET);
const str = (n: number) => fc.array(ch, { minLength: n, maxLength: n }).map((a) => a.join(''));
const prefix8 = fc.tuple(str(2), fc.stringMatching(/^\d{6}$/)).map(([a, r]) => a + r);
const validCode = fc.tuple(prefix8, str(8)).map(([p, o]) => makeCreditCode(p, o));

describe('credit code properties', () => {
  it('makeCreditCode always yields a code the validator accepts, with its parts', () => {
    fc.assert(
      fc.property(prefix8, str(8), (p, o) => {
        const code = makeCreditCode(p, o);
        const r = parseCreditCode(code.toLowerCase());
        assert.ok(r.ok);
        assert.equal(r.value, code);
        assert.equal(r.registrationAuthority + r.entityType + r.regionCode, p);
        assert.equal(r.orgCode.slice(0, 8), o);
      }),
    );
  });

  it('computeCreditCodeCheck always satisfies the final check', () => {
    fc.assert(
      fc.property(str(17), (body) => {
        const r = parseCreditCode(body + computeCreditCodeCheck(body));
        assert.ok(r.ok || r.reason === 'org_code_check');
      }),
    );
  });

  it('computeOrgCodeCheck + computeCreditCodeCheck build a valid code from any 16-char body', () => {
    fc.assert(
      fc.property(str(16), (b) => {
        const body = b + computeOrgCodeCheck(b.slice(8));
        assert.equal(isValidCreditCode(body + computeCreditCodeCheck(body)), true);
      }),
    );
  });

  // The MOD 31 weights are non-zero and 31 is prime, so any single substitution within the charset
  // changes Σ mod 31: the final check alone always catches it (the org check sometimes does not).
  it('changing any single character to another allowed character makes it invalid', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), ch, (code, pos, c) => {
        fc.pre(code[pos] !== c);
        assert.equal(isValidCreditCode(swap(code, pos, c)), false);
      }),
      { numRuns: 1000 },
    );
  });

  it('exhaustively: every single substitution of the known codes is rejected', () => {
    for (const code of KNOWN_GOOD) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of CREDIT_CODE_CHARSET) {
          if (c !== code[pos]) assert.equal(isValidCreditCode(swap(code, pos, c)), false, `${code}@${pos}=${c}`);
        }
      }
    }
  });

  it('the org check alone does not catch every substitution in the org body', () => {
    let missed = 0;
    fc.assert(
      fc.property(validCode, fc.integer({ min: 8, max: 15 }), ch, (code, pos, c) => {
        fc.pre(code[pos] !== c);
        const r = parseCreditCode(swap(code, pos, c));
        assert.equal(r.ok, false);
        if (!r.ok && r.reason === 'check_digit') missed++;
      }),
      { numRuns: 2000 },
    );
    assert.ok(missed > 0);
  });
});
