// Checks what an applicant typed against the item's form definition. Pure: returns the cleaned
// values and every problem at once, so the page can mark all wrong fields in one go.
import { isValidCreditCode, isValidMobilePhone, isValidResidentId } from '../../core/ids/index.ts';
import { isValidIsoDate } from '../../core/calendar/working-days.ts';
import type { FormField } from './service-guide.schema.ts';

/** What is wrong, for pages that word the problem in the reader's language (message is the Chinese wording). */
export type FormProblemKind = 'malformed' | 'required' | 'tooLong' | 'notNumber' | 'notDate' | 'notAnOption' | 'residentId' | 'creditCode' | 'phone' | 'email' | 'unknownField';

export interface FormProblem {
  field: string;
  label: string;
  message: string;
  kind: FormProblemKind;
  /** The longest text allowed, for kind tooLong. */
  maxLength?: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Cleans submitted values (strings, trimmed) and lists every field that is missing or malformed. */
export function checkApplicationForm(fields: readonly FormField[], submitted: Record<string, unknown>): { values: Record<string, string>; problems: FormProblem[] } {
  const values: Record<string, string> = {};
  const problems: FormProblem[] = [];
  const problem = (field: FormField, kind: FormProblemKind, message: string, maxLength?: number) => problems.push({ field: field.key, label: field.label, message, kind, ...(maxLength === undefined ? {} : { maxLength }) });
  for (const field of fields) {
    const raw = submitted[field.key];
    const text = raw === undefined || raw === null ? '' : typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
    if (text === null) {
      problem(field, 'malformed', '格式不正确');
      continue;
    }
    if (text === '') {
      if (field.required) problem(field, 'required', '必填');
      continue;
    }
    const maxLength = field.maxLength ?? (field.type === 'textarea' ? 2000 : 200);
    if (text.length > maxLength) problem(field, 'tooLong', `不能超过 ${maxLength} 个字`, maxLength);
    else if (field.type === 'number' && !/^-?\d+(\.\d+)?$/.test(text)) problem(field, 'notNumber', '须为数字');
    else if (field.type === 'date' && !isValidIsoDate(text)) problem(field, 'notDate', '须为日期（年-月-日）');
    else if (field.type === 'select' && !(field.options ?? []).includes(text)) problem(field, 'notAnOption', '须从选项中选择');
    else if (field.type === 'resident_id' && !isValidResidentId(text)) problem(field, 'residentId', '身份证号码校验不通过');
    else if (field.type === 'credit_code' && !isValidCreditCode(text.toUpperCase())) problem(field, 'creditCode', '统一社会信用代码校验不通过');
    else if (field.type === 'phone' && !isValidMobilePhone(text)) problem(field, 'phone', '手机号码不正确');
    else if (field.type === 'email' && !EMAIL.test(text)) problem(field, 'email', '电子邮箱不正确');
    values[field.key] = field.type === 'resident_id' || field.type === 'credit_code' ? text.toUpperCase() : text;
  }
  const known = new Set(fields.map((field) => field.key));
  for (const key of Object.keys(submitted)) {
    if (!known.has(key)) problems.push({ field: key, label: key, message: '表单中没有该项', kind: 'unknownField' });
  }
  return { values, problems };
}
