// Each role against each endpoint it must and must not reach, from the outside, on the target database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type ApiClient, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { defaultSecurityPolicyForTests } from './fixtures.ts';

type Who = 'anonymous' | 'sysadmin' | 'secadmin' | 'auditadmin' | 'staff';
const everyone: Who[] = ['anonymous', 'sysadmin', 'secadmin', 'auditadmin', 'staff'];

let app: TestApp;
const clients = new Map<Who, ApiClient>();
let countyId = '';

before(async () => {
  app = await createTestApp();
  clients.set('anonymous', app.client());
  for (const who of ['sysadmin', 'secadmin', 'auditadmin'] as const) clients.set(who, await app.signIn(who));
  clients.set('staff', await app.signIn('zhang.wei'));
  const tree = await clients.get('sysadmin')!.get('/api/org/tree');
  countyId = tree.body.items.find((unit: { kind: string }) => unit.kind === 'county').id;
});

after(() => app.close());

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string | (() => string);
  body?: () => unknown;
  allowed: Who[];
}

const rows: Row[] = [
  { method: 'GET', url: '/api/org/tree', allowed: ['sysadmin', 'staff'] },
  { method: 'POST', url: '/api/org/units', body: () => ({ parentId: countyId, kind: 'town', name: `测试镇${Math.random().toString(36).slice(2, 6)}` }), allowed: ['sysadmin'] },
  { method: 'GET', url: '/api/users', allowed: ['sysadmin', 'secadmin'] },
  { method: 'GET', url: '/api/users/export.xlsx', allowed: ['sysadmin', 'secadmin'] },
  {
    method: 'POST',
    url: '/api/users',
    body: () => ({ username: `u${Math.random().toString(36).slice(2, 9)}`, displayName: '测试', unitId: countyId, initialPassword: 'Init#Pass2026', roles: [] }),
    allowed: ['sysadmin'],
  },
  { method: 'GET', url: '/api/roles', allowed: ['sysadmin'] },
  { method: 'GET', url: '/api/permissions', allowed: ['sysadmin'] },
  { method: 'POST', url: '/api/roles', body: () => ({ code: `r_${Math.random().toString(36).slice(2, 8)}`, name: '测试角色', permissions: ['identity.org.read'] }), allowed: ['sysadmin'] },
  { method: 'GET', url: '/api/security/policy', allowed: ['secadmin'] },
  { method: 'PUT', url: '/api/security/policy', body: () => defaultSecurityPolicyForTests, allowed: ['secadmin'] },
  { method: 'GET', url: '/api/audit', allowed: ['auditadmin'] },
  { method: 'GET', url: '/api/audit/export.xlsx', allowed: ['auditadmin'] },
  { method: 'POST', url: '/api/audit/verify', allowed: ['auditadmin'] },
  { method: 'GET', url: '/api/outbox', allowed: ['sysadmin'] },
  { method: 'PUT', url: '/api/calendar/overrides/2026-12-07', body: () => ({ working: false, note: '测试调整' }), allowed: ['sysadmin'] },
  { method: 'GET', url: '/api/calendar/status', allowed: ['sysadmin', 'secadmin', 'auditadmin', 'staff'] },
  { method: 'GET', url: '/api/calendar/due-date?start=2026-09-30&days=5', allowed: everyone },
  { method: 'GET', url: '/api/me', allowed: ['sysadmin', 'secadmin', 'auditadmin', 'staff'] },
  { method: 'GET', url: '/api/messages', allowed: ['sysadmin', 'secadmin', 'auditadmin', 'staff'] },
];

for (const row of rows) {
  for (const who of everyone) {
    const label = typeof row.url === 'string' ? row.url : 'dynamic';
    const expected = row.allowed.includes(who) ? 'allowed' : who === 'anonymous' ? 401 : 403;
    test(`${testDialect()}: ${who} ${row.method} ${label} → ${expected}`, async () => {
      const client = clients.get(who)!;
      const url = typeof row.url === 'string' ? row.url : row.url();
      const response = await client.request(row.method, url, row.body?.());
      if (expected === 'allowed') assert.ok(response.status >= 200 && response.status < 300, `${who} got ${response.status} ${JSON.stringify(response.body)}`);
      else {
        assert.equal(response.status, expected, JSON.stringify(response.body));
        assert.equal(response.body.error.code, expected === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    });
  }
}

test(`${testDialect()}: permission denials are in the audit trail`, async () => {
  const audit = await clients.get('auditadmin')!.get('/api/audit?outcome=denied&pageSize=100');
  assert.equal(audit.status, 200);
  assert.ok(audit.body.items.some((item: { action: string }) => item.action.startsWith('http.')), 'a denied request was recorded');
});
