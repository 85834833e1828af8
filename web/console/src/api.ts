// Fetch wrapper for the /api JSON contract: language header, CSRF token on writes, typed errors.
import { acceptLanguage, getLang } from './i18n.ts';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];

  constructor(status: number, code: string, message: string, issues: ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remembers the token returned by GET /api/auth/session; it is sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request outside the sign-in flow gets 401 (session expired or signed out elsewhere). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function networkError(): ApiError {
  const message = getLang() === 'en' ? 'Cannot reach the server. Check the network and try again.' : '无法连接服务器，请检查网络后重试。';
  return new ApiError(0, 'NETWORK_ERROR', message);
}

/** Turns a non-2xx response into an ApiError, reading `{ error: { code, message, issues } }` when present. */
async function errorFrom(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = getLang() === 'en' ? `Request failed (HTTP ${response.status}).` : `请求失败（HTTP ${response.status}）。`;
  let issues: ApiIssue[] = [];
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; issues?: ApiIssue[] } };
    if (body?.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      issues = Array.isArray(body.error.issues) ? body.error.issues : [];
    }
  } catch {
    // not JSON: keep the generic message
  }
  return new ApiError(response.status, code, message, issues);
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguage(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/api/auth/session', undefined);
  if (!response.ok) return false;
  const session = (await response.json()) as { csrfToken?: string };
  setCsrfToken(session.csrfToken ?? null);
  return Boolean(session.csrfToken);
}

export async function request<T>(method: Method, path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  let response = await send(method, url, options.body);
  // A write rejected for a stale CSRF token is retried once with a fresh token.
  if (response.status === 403 && method !== 'GET') {
    const error = await errorFrom(response.clone());
    if (/csrf/i.test(error.code) && (await refreshCsrfToken())) {
      response = await send(method, url, options.body);
    }
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && !path.startsWith('/api/auth/') && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** Fetches an .xlsx export with the session cookie and saves it through a temporary `<a download>`. */
export async function downloadXlsx(path: string, query: Query, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      credentials: 'same-origin',
      headers: {
        Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json',
        'Accept-Language': acceptLanguage(),
      },
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** POSTs one file as multipart field `file` with the session's CSRF token; resolves with the JSON answer (any 2xx). */
export async function postMultipart<T>(path: string, file: File): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  const post = () =>
    fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage(), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body,
    });
  let response: Response;
  try {
    response = await post();
    if (response.status === 403 && /csrf/i.test((await errorFrom(response.clone())).code) && (await refreshCsrfToken())) response = await post();
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && onUnauthenticated) onUnauthenticated();
    throw error;
  }
  return (await response.json()) as T;
}

/** POST /api/files as multipart with the session's CSRF token; resolves with the stored file's metadata. */
export function uploadFile<T>(file: File): Promise<T> {
  return postMultipart<T>('/api/files', file);
}
