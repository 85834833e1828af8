// 统一社会信用代码 (GB 32100-2015): 1 registration-authority char, 1 entity-type char, 6-digit region
// code, 9-char 组织机构代码 (GB 11714: 8-char body + MOD 11 check) and a MOD 31 check character.

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const BODY17 = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const PREFIX8 = /^[0-9A-HJ-NPQRTUWXY]{8}$/;
const ORG_BODY8 = /^[0-9A-Z]{8}$/;

// 登记管理部门 codes from GB 32100-2015 (informative; parsing does not require a known code).
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

export type CreditCodeFailure = 'format' | 'org_code_check' | 'check_digit';
export type CreditCodeResult =
  | {
      ok: true;
      value: string;
      registrationAuthority: string;
      entityType: string;
      regionCode: string;
      orgCode: string;
    }
  | { ok: false; reason: CreditCodeFailure };

// Computes the 组织机构代码 check ('0'–'9' or 'X') for an 8-char body of digits/upper-case letters
// (A=10 … Z=35); throws RangeError on anything else.
export function computeOrgCodeCheck(first8: string): string {
  if (!ORG_BODY8.test(first8)) throw new RangeError('org code body must be 8 digits or upper-case letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

// Computes the final check character for a 17-char body over CREDIT_CODE_CHARSET; throws RangeError otherwise.
export function computeCreditCodeCheck(first17: string): string {
  if (!BODY17.test(first17)) throw new RangeError('credit code body must be 17 chars from the GB 32100 charset');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

// Parses an 18-char code (whitespace-trimmed, case-insensitive); checks shape, then the embedded
// 组织机构代码 check, then the final check character.
export function parseCreditCode(s: string): CreditCodeResult {
  if (typeof s !== 'string') return { ok: false, reason: 'format' };
  const value = s.trim().toUpperCase();
  if (!CODE_SHAPE.test(value)) return { ok: false, reason: 'format' };
  const orgCode = value.slice(8, 17);
  if (computeOrgCodeCheck(orgCode.slice(0, 8)) !== orgCode[8]) return { ok: false, reason: 'org_code_check' };
  if (computeCreditCodeCheck(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_digit' };
  return {
    ok: true,
    value,
    registrationAuthority: value[0]!,
    entityType: value[1]!,
    regionCode: value.slice(2, 8),
    orgCode,
  };
}

// True when parseCreditCode accepts the input.
export function isValidCreditCode(s: string): boolean {
  return parseCreditCode(s).ok;
}

// Builds a valid code from an 8-char prefix (authority + entity type + 6-digit region) and an 8-char
// org-code body, both over CREDIT_CODE_CHARSET (case-insensitive); throws RangeError on bad input.
export function makeCreditCode(prefix8: string, orgBase8: string): string {
  const prefix = prefix8.toUpperCase();
  const org = orgBase8.toUpperCase();
  if (!PREFIX8.test(prefix) || !/^\d{6}$/.test(prefix.slice(2))) {
    throw new RangeError('prefix must be authority + entity type + 6-digit region code');
  }
  if (!PREFIX8.test(org)) throw new RangeError('org code body must be 8 chars from the GB 32100 charset');
  const body = prefix + org + computeOrgCodeCheck(org);
  return body + computeCreditCodeCheck(body);
}

// Masks a code for display, keeping the first 8 (authority, type, region) and last 2 characters. Never throws.
export function maskCreditCode(s: string): string {
  const v = String(s ?? '').trim().toUpperCase();
  if (v.length < 11) return '*'.repeat(v.length);
  return v.slice(0, 8) + '*'.repeat(v.length - 10) + v.slice(-2);
}
