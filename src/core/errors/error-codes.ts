// The one table from error codes to HTTP statuses and messages. Core's generic codes are here; a module adds
// its own with registerErrorCodes() from its *.errors.ts, so every code still resolves through this table.
import type { ErrorDefinition, Language } from './app-error.ts';

const table = new Map<string, ErrorDefinition>(
  Object.entries({
    VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查后重试', en: 'The request is invalid; please check it and try again' },
    BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
    CONTROL_CHARACTER: { status: 400, zh: '提交的内容包含不允许的控制字符', en: 'The request contains a control character that is not allowed' },
    URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'The request address is too long' },
    PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
    UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
    UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in first' },
    SESSION_EXPIRED: { status: 401, zh: '登录已超时，请重新登录', en: 'Your session has expired; please sign in again' },
    CSRF_INVALID: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page is out of date; reload and try again' },
    FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You do not have permission to do this' },
    NOT_FOUND: { status: 404, zh: '请求的内容不存在', en: 'Not found' },
    CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and try again' },
    RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
    INTERNAL: { status: 500, zh: '系统繁忙，请稍后再试', en: 'Something went wrong on our side; please try again later' },
    UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
    INVALID_RESIDENT_ID: { status: 400, zh: '居民身份证号码不正确', en: 'Invalid resident ID number' },
    INVALID_CREDIT_CODE: { status: 400, zh: '统一社会信用代码不正确', en: 'Invalid unified social credit code' },
    INVALID_PHONE: { status: 400, zh: '手机号码不正确', en: 'Invalid mobile phone number' },
    INVALID_DATE: { status: 400, zh: '日期不正确，应为 YYYY-MM-DD', en: 'Invalid date; expected YYYY-MM-DD' },
  }),
);

/** Adds a module's codes to the table; a code may be defined once only. */
export function registerErrorCodes(codes: Record<string, ErrorDefinition>): void {
  for (const [code, definition] of Object.entries(codes)) {
    if (table.has(code)) throw new Error(`Error code ${code} is defined twice`);
    table.set(code, definition);
  }
}

/** The status and message for a code in a language, with `{param}` placeholders filled. */
export function describeError(code: string, language: Language, params: Record<string, string | number> = {}): { status: number; message: string } {
  const definition = table.get(code) ?? table.get('INTERNAL')!;
  const template = language === 'en' ? definition.en : definition.zh;
  const message = template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return { status: definition.status, message };
}

/** True when the code is in the table (validation messages that are codes get translated). */
export function isKnownErrorCode(code: string): boolean {
  return table.has(code);
}

/** Every code and its definition, for the documentation and the table's own test. */
export function listErrorCodes(): Array<[string, ErrorDefinition]> {
  return [...table.entries()];
}
