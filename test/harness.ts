// Starts the whole platform for a test on its own fresh database (SQLite or PostgreSQL, per ZT_TEST_DB) on a
// random 127.0.0.1 port, with the demo county seeded, and gives HTTP clients that keep cookies and CSRF.
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createPlatform, type Platform } from '../src/platform.ts';
import { currentTotpCode } from '../src/core/auth/totp.ts';
import { DEMO_PASSWORD, demoCitizens, demoCompanies } from '../src/modules/identity/index.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** The test's clock: real time plus an offset the test moves forward. */
export interface TestClock {
  now(): Date;
  advance(milliseconds: number): void;
}

export interface TestApp {
  baseUrl: string;
  clock: TestClock;
  platform: Platform;
  testDatabase: TestDatabase;
  /** A client without a session. */
  client(): ApiClient;
  /** A client signed in as a demo account (staff, citizen or company), with TOTP enrolment and password change done when required. */
  signIn(username: string): Promise<ApiClient>;
  close(): Promise<void>;
}

/** Runs the event dispatcher until no event is left to claim (at most `rounds` claims), as the background worker would. */
export async function deliverEvents(app: TestApp, rounds = 10): Promise<void> {
  for (let round = 0; round < rounds; round += 1) if ((await app.platform.dispatcher.runOnce()).claimed === 0) return;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A tiny HTTP client with a cookie jar and the session's CSRF token. */
export class ApiClient {
  readonly baseUrl: string;
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  language = 'zh-CN';
  /** The TOTP secret this client enrolled (admins), for later sign-ins. */
  totpSecret: string | null = null;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const allHeaders: Record<string, string> = { 'accept-language': this.language, ...headers };
    if (this.cookies.size) allHeaders['cookie'] = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (this.csrfToken && method !== 'GET') allHeaders['x-csrf-token'] ??= this.csrfToken;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      allHeaders['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + url, { method, headers: allHeaders, body: payload, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), rest.join('='));
    }
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') ? await response.json() : type.startsWith('text/') ? await response.text() : Buffer.from(await response.arrayBuffer());
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed && typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

/** A password that satisfies the default policy, different per call. */
export function strongPassword(): string {
  return `Zt#${Math.random().toString(36).slice(2, 8)}A9x`;
}

/** Walks a client through the remaining sign-in stages (TOTP enrolment or code, password change); returns the password now in force. */
export async function completeSignIn(client: ApiClient, stage: string, password: string, clock: TestClock): Promise<string> {
  let current = stage;
  let inForce = password;
  for (let guard = 0; guard < 5 && current !== 'done'; guard += 1) {
    if (current === 'enrol_totp') {
      const enrolment = await client.get('/api/auth/totp/enrolment');
      client.totpSecret = enrolment.body.secret;
      current = (await client.post('/api/auth/totp/enrolment', { code: await currentTotpCode(client.totpSecret!, clock.now()) })).body.stage;
    } else if (current === 'totp') {
      // A code is accepted once: move to the next 30-second step so a repeated sign-in gets a fresh code.
      clock.advance(30_000);
      current = (await client.post('/api/auth/totp', { code: await currentTotpCode(client.totpSecret!, clock.now()) })).body.stage;
    } else if (current === 'change_password') {
      const next = strongPassword();
      current = (await client.post('/api/auth/password', { currentPassword: inForce, newPassword: next })).body.stage;
      inForce = next;
    } else {
      throw new Error(`Unexpected sign-in stage ${current}`);
    }
  }
  if (current !== 'done') throw new Error(`Sign-in did not complete (stage ${current})`);
  return inForce;
}

/** Starts the platform for one test. */
export async function createTestApp(options: { env?: Record<string, string>; startAt?: Date } = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  let offset = options.startAt ? options.startAt.getTime() - Date.now() : 0;
  const clock: TestClock = { now: () => new Date(Date.now() + offset), advance: (milliseconds) => (offset += milliseconds) };
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: testDatabase.dataDir,
    DATABASE_URL: testDatabase.databaseUrl,
    LOG_LEVEL: process.env['ZT_TEST_LOG_LEVEL'] ?? 'silent',
    SEED_DEMO: 'true',
    WORKERS: 'false',
    SIGN_IN_RATE_PER_MINUTE: '10000',
    ...options.env,
  });
  const platform = await createPlatform({ ...config, filesDir: path.join(testDatabase.dataDir, 'files') }, { now: clock.now });
  const address = await platform.listen();
  const baseUrl = address.replace('[::1]', '127.0.0.1');
  const known = new Map<string, { password: string; totpSecret: string | null }>();
  return {
    baseUrl,
    clock,
    platform,
    testDatabase,
    client: () => new ApiClient(baseUrl),
    async signIn(username: string) {
      const client = new ApiClient(baseUrl);
      const previous = known.get(username);
      const password = previous?.password ?? DEMO_PASSWORD;
      client.totpSecret = previous?.totpSecret ?? null;
      const accountKind = demoCitizens.some((citizen) => citizen.username === username) ? 'citizen' : demoCompanies.some((company) => company.username === username) ? 'company' : 'staff';
      const response = await client.post('/api/auth/sign-in', { username, password, accountKind });
      if (response.status !== 200) throw new Error(`Sign-in of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      const inForce = await completeSignIn(client, response.body.stage, password, clock);
      known.set(username, { password: inForce, totpSecret: client.totpSecret });
      return client;
    },
    async close() {
      await platform.close();
      await testDatabase.destroy();
    },
  };
}
