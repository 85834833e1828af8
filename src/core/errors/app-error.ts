// Errors as stable codes. Code → HTTP status and message (zh-CN, en) lives in one table (error-codes.ts) that
// modules extend with their own codes; route handlers never build error bodies.
export type Language = 'zh' | 'en';

export interface ErrorDefinition {
  status: number;
  zh: string;
  en: string;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

/** A failure the caller can act on; `params` fill `{name}` placeholders in the message. */
export class AppError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number>;
  readonly issues: ValidationIssue[] | undefined;

  constructor(code: string, params: Record<string, string | number> = {}, issues?: ValidationIssue[]) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
}

/** True for an AppError carrying the given code. */
export function isAppError(error: unknown, code?: string): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
