// Every endpoint in the OpenAPI document, fed malformed, oversized and hostile input by a signed-in admin
// and by an anonymous client, answers 4xx with a message — never 5xx, never a stack trace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type ApiClient, type TestApp } from './harness.ts';
import { testDialect } from './test-database.ts';

let app: TestApp;
let admin: ApiClient;
let operations: Array<{ method: string; path: string }> = [];

before(async () => {
  app = await createTestApp();
  admin = await app.signIn('sysadmin');
  const document = await app.client().get('/api/docs/json');
  assert.equal(document.status, 200);
  assert.equal(document.body.openapi, '3.1.0');
  for (const [path, methods] of Object.entries(document.body.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(methods)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method: method.toUpperCase(), path });
    }
  }
});
after(() => app.close());

const hostileSegments = ['..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(3000), '1%27%20or%201%3D1--', '%3Cscript%3E', '-1', '9999-99-99'];
const hostileBodies: unknown[] = [null, [], 'text', 12, { a: 'x'.repeat(200_000) }, { username: { $gt: '' }, password: [1], parentId: '../..', code: 123456, working: 'yes', date: '2026-02-30', roles: 'all', permissions: [{}] }];
const hostileQueries = ['?page=-1&pageSize=100000', '?page=abc', `?q=${'%E5%95%8A'.repeat(500)}`, '?start=2026-13-01&days=1e9', '?date=..%2F..', '?from=yesterday&to=%00'];

function fill(path: string, segment: string): string {
  return path.replace(/\{[^}]+\}/g, segment).replace(/:\w+/g, segment);
}

function assertClientError(label: string, response: { status: number; body: any }): void {
  assert.ok(response.status < 500, `${label} → ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  assert.doesNotMatch(text, /at .+\.ts:\d+|node:internal|Error: /, `${label} leaks internals`);
  if (response.status >= 400 && typeof response.body === 'object' && !Buffer.isBuffer(response.body)) {
    assert.equal(typeof response.body.error?.message, 'string', `${label} has a message`);
  }
}

test(`${testDialect()}: every endpoint refuses hostile input with a 4xx`, async () => {
  assert.ok(operations.length >= 25, `found ${operations.length} operations`);
  const anonymous = app.client();
  for (const { method, path } of operations) {
    if (path === '/api/auth/sign-out') continue;
    for (const client of [admin, anonymous]) {
      for (const segment of hostileSegments) {
        const url = fill(path, segment);
        assertClientError(`${method} ${url.slice(0, 80)}`, await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {}));
      }
      for (const query of hostileQueries) {
        const url = fill(path, '0190f5b2-0000-7000-8000-000000000000') + query;
        assertClientError(`${method} ${url.slice(0, 80)}`, await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {}));
      }
      if (method !== 'GET' && method !== 'DELETE') {
        for (const body of hostileBodies) {
          const url = fill(path, '0190f5b2-0000-7000-8000-000000000000');
          assertClientError(`${method} ${url} with ${JSON.stringify(body).slice(0, 40)}`, await client.request(method, url, JSON.stringify(body), { 'content-type': 'application/json' }));
        }
        assertClientError(`${method} ${path} as form`, await client.request(method, fill(path, 'x'), 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' }));
        assertClientError(`${method} ${path} as xml`, await client.request(method, fill(path, 'x'), '<a/>', { 'content-type': 'application/xml' }));
      }
    }
  }
  const stillFine = await admin.get('/api/me');
  assert.equal(stillFine.status, 200, 'the admin session survived the barrage');
});

test(`${testDialect()}: public pages answer unknown and hostile paths with the 404 page`, async () => {
  const client = app.client();
  for (const url of ['/no-such-page', '/..%2F..%2Fetc%2Fpasswd', '/assets/portal/..%2F..%2F..%2Fpackage.json', `/${'x'.repeat(5000)}`, '/console/..%2F..%2Fsrc%2Fmain.ts']) {
    const response = await client.get(url);
    assert.ok([404, 400, 414].includes(response.status) || (url.startsWith('/console/') && response.status === 200), `${url.slice(0, 60)} → ${response.status}`);
    assert.doesNotMatch(String(response.body), /"name": "zhengtong"|createPlatform/);
  }
  const home = await client.get('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /示范县人民政府/);
  assert.match(home.body, /县市场监督管理局/, 'the home page lists the seeded departments');
});
