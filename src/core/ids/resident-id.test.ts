import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  computeResidentIdCheck,
  isValidResidentId,
  maskResidentId,
  parseResidentId,
} from './resident-id.ts';

// Builds a full ID from its parts using the check function under test.
function make(region: string, birth: string, seq: string): string {
  const body = region + birth + seq;
  return body + computeResidentIdCheck(body);
}

const NOW = new Date('2024-06-15T12:00:00Z');

describe('computeResidentIdCheck', () => {
  it('matches the GB 11643 sample and known values', () => {
    assert.equal(computeResidentIdCheck('11010519491231002'), 'X');
    assert.equal(computeResidentIdCheck('44052418800101001'), '4');
  });
  for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100X', ' 11010519491231002']) {
    it(`rejects body ${JSON.stringify(bad)}`, () => {
      assert.throws(() => computeResidentIdCheck(bad), RangeError);
    });
  }
});

describe('parseResidentId', () => {
  it('parses a valid ID with details', () => {
    assert.deepEqual(parseResidentId('11010519491231002X', NOW), {
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  const good: Array<[string, string, string, 'male' | 'female']> = [
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'female'],
    ['11010519491231002x', '11010519491231002X', '1949-12-31', 'female'],
    ['  11010519491231002x\n', '11010519491231002X', '1949-12-31', 'female'],
    [make('990121', '20000229', '013'), make('990121', '20000229', '013'), '2000-02-29', 'male'],
    [make('990121', '19000101', '002'), make('990121', '19000101', '002'), '1900-01-01', 'female'],
    [make('990121', '20240615', '001'), make('990121', '20240615', '001'), '2024-06-15', 'male'],
  ];
  for (const [input, value, birthDate, sex] of good) {
    it(`accepts ${JSON.stringify(input)}`, () => {
      const r = parseResidentId(input, NOW);
      assert.equal(r.ok, true);
      if (!r.ok) return;
      assert.equal(r.value, value);
      assert.equal(r.birthDate, birthDate);
      assert.equal(r.sex, sex);
    });
  }

  const bad: Array<[string, string, 'format' | 'birth_date' | 'check_digit']> = [
    ['empty', '', 'format'],
    ['17 chars', '11010519491231002', 'format'],
    ['19 chars', '11010519491231002X1', 'format'],
    ['X not last', '1101051949123100X2', 'format'],
    ['other letter', '11010519491231002A', 'format'],
    ['inner space', '110105 19491231002X', 'format'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ', 'format'],
    ['19990230', make('990121', '19990230', '011'), 'birth_date'],
    ['19000229 (not leap)', make('990121', '19000229', '011'), 'birth_date'],
    ['20230229 (not leap)', make('990121', '20230229', '011'), 'birth_date'],
    ['month 13', make('990121', '19801301', '011'), 'birth_date'],
    ['month 00', make('990121', '19800001', '011'), 'birth_date'],
    ['day 00', make('990121', '19800100', '011'), 'birth_date'],
    ['April 31', make('990121', '19800431', '011'), 'birth_date'],
    ['before 1900', '440524188001010014', 'birth_date'],
    ['1899-12-31', make('990121', '18991231', '011'), 'birth_date'],
    ['tomorrow', make('990121', '20240616', '011'), 'birth_date'],
    ['wrong check X→0', '110105194912310020', 'check_digit'],
    ['wrong check digit', '110105199003071234', 'check_digit'],
  ];
  for (const [label, input, reason] of bad) {
    it(`rejects ${label} as ${reason}`, () => {
      assert.deepEqual(parseResidentId(input, NOW), { ok: false, reason });
      assert.equal(isValidResidentId(input, NOW), false);
    });
  }

  it('uses the China calendar day for "not in the future"', () => {
    const id = make('990121', '20240616', '011');
    assert.equal(isValidResidentId(id, new Date('2024-06-15T15:59:59Z')), false);
    assert.equal(isValidResidentId(id, new Date('2024-06-15T16:00:00Z')), true);
  });

  it('treats non-string input as a format error', () => {
    assert.deepEqual(parseResidentId(undefined as unknown as string), { ok: false, reason: 'format' });
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4', () => {
    assert.equal(maskResidentId('110105194912311234'), '110105********1234');
    assert.equal(maskResidentId(' 11010519491231002x '), '110105********002X');
  });
  it('masks short input entirely', () => {
    assert.equal(maskResidentId('1234567890'), '**********');
    assert.equal(maskResidentId(''), '');
  });
});

// Arbitrary valid parts: 6-digit region, a real birth date 1900-01-01 … NOW, 3-digit sequence.
const region = fc.stringMatching(/^\d{6}$/);
const seq = fc.stringMatching(/^\d{3}$/);
const birth = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-06-15T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validId = fc.tuple(region, birth, seq).map(([r, b, s]) => make(r, b.replaceAll('-', ''), s));

describe('resident ID properties', () => {
  it('a computed check character always yields a valid ID with matching details', () => {
    fc.assert(
      fc.property(region, birth, seq, (r, b, s) => {
        const id = make(r, b.replaceAll('-', ''), s);
        const p = parseResidentId(id.toLowerCase(), NOW);
        assert.ok(p.ok);
        assert.equal(p.value, id);
        assert.equal(p.birthDate, b);
        assert.equal(p.regionCode, r);
        assert.equal(p.sex, Number(s[2]) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('changing any single character to another of [0-9X] makes it invalid', () => {
    const replacement = fc.constantFrom(...'0123456789X');
    fc.assert(
      fc.property(validId, fc.nat(17), replacement, (id, pos, c) => {
        fc.pre(id[pos] !== c);
        const changed = id.slice(0, pos) + c + id.slice(pos + 1);
        assert.equal(isValidResidentId(changed, NOW), false);
      }),
      { numRuns: 500 },
    );
  });

  it('masking keeps the length and hides the birth date', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const m = maskResidentId(id);
        assert.equal(m.length, 18);
        assert.equal(m.slice(6, 14), '********');
      }),
    );
  });
});
