// Small formatting and form-error helpers shared by the pages.
import dayjs from 'dayjs';
import type { FormInstance } from 'antd';
import { ApiError } from './api.ts';

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD HH:mm:ss') : value;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : value;
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Puts a VALIDATION_FAILED response's issues next to the matching form fields; returns true if any matched. */
export function applyIssues(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.issues.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const fields = error.issues
    .map((issue) => ({ name: String(issue.path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean), errors: [issue.message] }))
    .filter((field) => field.name.length > 0 && known.has(field.name[0] ?? ''));
  if (fields.length === 0) return false;
  form.setFields(fields.map((field) => ({ name: field.name.map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: field.errors })));
  return true;
}

/** Mask-free local date string YYYY-MM-DD for a Dayjs value. */
/**
 * Today's date in China, where every deadline and statistic of the platform is counted, whatever the time
 * zone of the computer the console runs on (from 16:00 UTC the dates differ).
 */
export function chinaToday(): dayjs.Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()));
}

export function isoDate(value: dayjs.Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters with a mod-31 check character. */
export function isValidCreditCode(code: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += alphabet.indexOf(code.charAt(i)) * (weights[i] ?? 0);
  const check = (31 - (sum % 31)) % 31;
  return alphabet.charAt(check) === code.charAt(17);
}

/** 居民身份证号码 (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check character. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id.charAt(i)) * (weights[i] ?? 0);
  return '10X98765432'.charAt(sum % 11) === id.charAt(17);
}

/** A mainland mobile number (11 digits starting with 1[3-9]; spaces, hyphens and a +86 prefix allowed). */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, '').replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, ''));
}

/** An amount in yuan with two decimals and thousands separators: 80 → "80.00", 1234.5 → "1,234.50". */
export function formatYuan(amount: number): string {
  return amount.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
