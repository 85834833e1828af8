import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { creditCodeSchema, mobilePhoneSchema, residentIdSchema } from './ids.schema.ts';

// The issue messages of a parse that must fail.
function messages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  assert.equal(r.success, false);
  return r.error!.issues.map((i) => i.message);
}

describe('residentIdSchema', () => {
  it('normalises valid input', () => {
    assert.equal(residentIdSchema.parse(' 11010519491231002x '), '11010519491231002X');
  });
  for (const bad of ['', '110105194912310020', '11010519990230001X', 'abc', 12345]) {
    it(`rejects ${JSON.stringify(bad)} with INVALID_RESIDENT_ID`, () => {
      assert.deepEqual(messages(residentIdSchema, bad), ['INVALID_RESIDENT_ID']);
    });
  }
});

describe('creditCodeSchema', () => {
  it('normalises valid input', () => {
    assert.equal(creditCodeSchema.parse(' 9144030071526726xg'), '9144030071526726XG');
  });
  for (const bad of ['', '9144030071526726XH', '91440300I1526726XG', null]) {
    it(`rejects ${JSON.stringify(bad)} with INVALID_CREDIT_CODE`, () => {
      assert.deepEqual(messages(creditCodeSchema, bad), ['INVALID_CREDIT_CODE']);
    });
  }
});

describe('mobilePhoneSchema', () => {
  it('normalises valid input', () => {
    assert.equal(mobilePhoneSchema.parse('+86 199-0000-1111 '), '19900001111');
  });
  for (const bad of ['', '12900001111', '1990000111', false]) {
    it(`rejects ${JSON.stringify(bad)} with INVALID_PHONE`, () => {
      assert.deepEqual(messages(mobilePhoneSchema, bad), ['INVALID_PHONE']);
    });
  }
});

describe('schemas inside objects', () => {
  const form = z.object({ id: residentIdSchema, org: creditCodeSchema, phone: mobilePhoneSchema.optional() });
  it('reports each field with its code and path', () => {
    const r = form.safeParse({ id: 'x', org: 'y', phone: '1' });
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error!.issues.map((i) => [i.path.join('.'), i.message]),
      [
        ['id', 'INVALID_RESIDENT_ID'],
        ['org', 'INVALID_CREDIT_CODE'],
        ['phone', 'INVALID_PHONE'],
      ],
    );
  });
  it('keeps zod’s default message for a missing required value', () => {
    const r = form.safeParse({ org: '9144030071526726XG' });
    assert.equal(r.success, false);
    assert.notEqual(r.error!.issues[0]!.message, 'INVALID_RESIDENT_ID');
  });
  it('stays representable as JSON Schema for OpenAPI', () => {
    assert.deepEqual(z.toJSONSchema(residentIdSchema, { io: 'input' }).type, 'string');
    assert.deepEqual(z.toJSONSchema(mobilePhoneSchema).type, 'string');
  });
});
