// Mainland China mobile numbers: 11 digits, 1[3-9]xxxxxxxxx.

const MOBILE = /^1[3-9]\d{9}$/;
const SEPARATORS = /[\s-]/g;
const COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=1\d{10}$)/;

// Normalises to the bare 11 digits (strips spaces, hyphens and a +86/0086/86 prefix); null if not a valid mobile number.
export function normalizeMobilePhone(s: string): string | null {
  if (typeof s !== 'string') return null;
  const v = s.replace(SEPARATORS, '').replace(COUNTRY_PREFIX, '');
  return MOBILE.test(v) ? v : null;
}

// True when the input normalises to a valid mainland mobile number.
export function isValidMobilePhone(s: string): boolean {
  return normalizeMobilePhone(s) !== null;
}

// Masks for display as 138****1234 (valid numbers are normalised first); other input keeps at most
// its first 3 and last 4 characters when longer than 7, else is masked entirely. Never throws.
export function maskPhone(s: string): string {
  const raw = String(s ?? '').trim();
  const v = normalizeMobilePhone(raw) ?? raw;
  if (v.length <= 7) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}
