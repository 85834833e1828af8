// zod 4 schemas for the identifier formats; every failure message is an error code for the HTTP layer
// to translate (a missing value keeps zod's default "required"-style message).
import { z } from 'zod';
import { isValidCreditCode } from './credit-code.ts';
import { normalizeMobilePhone } from './phone.ts';
import { isValidResidentId } from './resident-id.ts';

// A string schema whose type errors carry `code`, except for an absent value.
function codedString(code: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? undefined : code) }).trim();
}

// 居民身份证号码 → normalised (trimmed, upper-case X); message 'INVALID_RESIDENT_ID'.
export const residentIdSchema = codedString('INVALID_RESIDENT_ID')
  .overwrite((v) => v.toUpperCase())
  .refine((v) => isValidResidentId(v), { error: 'INVALID_RESIDENT_ID' });

// 统一社会信用代码 → normalised (trimmed, upper-case); message 'INVALID_CREDIT_CODE'.
export const creditCodeSchema = codedString('INVALID_CREDIT_CODE')
  .overwrite((v) => v.toUpperCase())
  .refine((v) => isValidCreditCode(v), { error: 'INVALID_CREDIT_CODE' });

// Mainland mobile number → bare 11 digits (separators and +86 removed); message 'INVALID_PHONE'.
export const mobilePhoneSchema = codedString('INVALID_PHONE')
  .overwrite((v) => normalizeMobilePhone(v) ?? v)
  .refine((v) => normalizeMobilePhone(v) === v, { error: 'INVALID_PHONE' });
