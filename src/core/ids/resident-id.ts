// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
// (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
const BODY = /^\d{17}$/;
const MIN_BIRTH_DATE = '1900-01-01';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export type ResidentIdSex = 'male' | 'female';
export type ResidentIdFailure = 'format' | 'birth_date' | 'check_digit';
export type ResidentIdResult =
  | { ok: true; value: string; birthDate: string; sex: ResidentIdSex; regionCode: string }
  | { ok: false; reason: ResidentIdFailure };

// Computes the check character ('0'–'9' or 'X') for a 17-digit body; throws RangeError on anything else.
export function computeResidentIdCheck(first17: string): string {
  if (!BODY.test(first17)) throw new RangeError('resident ID body must be exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

// Today's calendar date in China (UTC+8) as YYYY-MM-DD.
function chinaToday(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

// Turns YYYYMMDD into YYYY-MM-DD when it is a real calendar date, otherwise null.
function realDate(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return null;
  const monthDays = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > monthDays) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

// Parses an 18-character ID (surrounding whitespace and lower-case x allowed); checks shape, then the
// birth date (real, 1900-01-01 … today in China), then the check character. `now` is for tests.
export function parseResidentId(s: string, now: Date = new Date()): ResidentIdResult {
  if (typeof s !== 'string') return { ok: false, reason: 'format' };
  const value = s.trim().toUpperCase();
  if (!SHAPE.test(value)) return { ok: false, reason: 'format' };
  const birthDate = realDate(value.slice(6, 14));
  if (birthDate === null || birthDate < MIN_BIRTH_DATE || birthDate > chinaToday(now)) {
    return { ok: false, reason: 'birth_date' };
  }
  if (computeResidentIdCheck(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'check_digit' };
  const sex: ResidentIdSex = Number(value[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex, regionCode: value.slice(0, 6) };
}

// True when parseResidentId accepts the input.
export function isValidResidentId(s: string, now: Date = new Date()): boolean {
  return parseResidentId(s, now).ok;
}

// Masks an ID for display, keeping the first 6 and last 4 characters (110105********1234);
// input shorter than 11 characters is masked entirely. Never throws.
export function maskResidentId(s: string): string {
  const v = String(s ?? '').trim().toUpperCase();
  if (v.length < 11) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}
