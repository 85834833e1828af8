// The audit API through HTTP on a real database: filters, Excel export, chain verification that finds edited
// and deleted records, permissions, and the audit records that reading the trail leaves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { coreMigrations } from '../db/migrations/index.ts';
import { startStubServer, stubStaff } from '../../../test/stub-http.ts';
import { createMigratedDatabase, testDialect } from '../../../test/test-database.ts';
import { registerAuditRoutes } from './audit.api.ts';
import { recordAudit } from './audit.service.ts';

function staff(userId: string, name: string, permissions: string[]): Actor {
  return stubStaff(userId, permissions, { name, unitId: 'unit-data', unitPath: '/county/data/', ip: '10.0.0.9', userAgent: 'Mozilla/5.0 test' });
}

const ACTORS: Record<string, Actor> = {
  'audit-admin': { ...staff('u-auditor', '安全审计员', ['audit.read', 'audit.verify']), adminRole: 'audit' },
  plain: staff('u-staff', '经办人', ['identity.org.read']),
};

const zhang = staff('u-zhang', '张三', []);
const li = staff('u-li', '李四', []);
const sysadmin = staff('u-sys', '系统管理员', []);

// Six records in October 2020 (older than any record the tests' own reads leave), around China's midnights.
async function seedRecords(db: Handle['db']): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await recordAudit(tx, zhang, { action: 'identity.user.create', subjectType: 'user', subjectId: 'u-1' }, new Date('2020-09-30T15:59:59.000Z'));
    await recordAudit(tx, zhang, { action: 'identity.user.update', subjectType: 'user', subjectId: '=HYPERLINK("http://evil","x")' }, new Date('2020-09-30T16:00:00.000Z'));
    await recordAudit(tx, li, { action: 'identity.signin', outcome: 'failure', detail: 'wrong password' }, new Date('2020-10-01T10:00:00.000Z'));
    await recordAudit(
      tx,
      sysadmin,
      { action: 'calendar.override.set', subjectType: 'calendar_day', subjectId: '2020-10-09', before: null, after: { working: false, note: '停电' } },
      new Date('2020-10-02T03:00:00.000Z'),
    );
    await recordAudit(tx, li, { action: 'identity.signin', outcome: 'denied' }, new Date('2020-10-02T15:59:59.999Z'));
    await recordAudit(tx, li, { action: 'identity.signin' }, new Date('2020-10-02T16:00:00.000Z'));
  });
}

type Handle = Awaited<ReturnType<typeof createMigratedDatabase>>;

interface Harness {
  handle: Handle;
  call(path: string, options?: { actor?: string; method?: string; language?: string }): Promise<Response>;
  close(): Promise<void>;
}

async function startHarness(): Promise<Harness> {
  const handle = await createMigratedDatabase([coreMigrations]);
  await seedRecords(handle.db);
  const { app, base } = await startStubServer({ actors: ACTORS, register: (server) => registerAuditRoutes(server, { db: handle.db }) });
  return {
    handle,
    call: (path, options = {}) => {
      const headers: Record<string, string> = { 'x-test-actor': options.actor ?? 'none', 'x-csrf-token': 't' };
      if (options.language) headers['accept-language'] = options.language;
      return fetch(`${base}${path}`, { method: options.method ?? 'GET', headers });
    },
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

async function json(response: Response, status = 200): Promise<any> {
  const body = await response.json();
  assert.equal(response.status, status, JSON.stringify(body));
  return body;
}

// Lets a test change the trail behind the application's back, as an attacker with database access would.
async function dropProtection(handle: Handle): Promise<void> {
  if (testDialect() === 'postgres') {
    await sql`drop trigger audit_log_protect on audit_log`.execute(handle.db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(handle.db);
    await sql`drop trigger audit_log_no_early_delete`.execute(handle.db);
  }
}

describe(`audit API on ${testDialect()}`, () => {
  let harness: Harness;
  const seqs = (body: { items: Array<{ seq: number }> }) => body.items.map((item) => item.seq);

  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness.close();
  });

  const asAuditor = (path: string) => harness.call(path, { actor: 'audit-admin' });

  test('lists records newest first, shaped per the contract, and records the look', async () => {
    const body = await json(await asAuditor('/api/audit?action=calendar.'));
    assert.equal(body.total, 1);
    assert.deepEqual(body.items[0], {
      seq: 4,
      occurredAt: '2020-10-02T03:00:00.000Z',
      actorId: 'u-sys',
      actorName: '系统管理员',
      unitId: 'unit-data',
      action: 'calendar.override.set',
      subjectType: 'calendar_day',
      subjectId: '2020-10-09',
      outcome: 'success',
      ip: '10.0.0.9',
      userAgent: 'Mozilla/5.0 test',
      before: null,
      after: { working: false, note: '停电' },
      detail: null,
    });
    const look = await harness.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(look.actor_id, 'u-auditor');
    assert.equal(look.outcome, 'success');
    assert.equal(look.ip, '127.0.0.1');
    assert.deepEqual(JSON.parse(look.detail ?? ''), { filter: { action: 'calendar.' }, page: 1, pageSize: 20, total: 1 });
  });

  test('filters by action, actor, outcome, dates (China days) and timestamps, and pages', async () => {
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?action=identity.signin'))), [6, 5, 3]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?action=identity.'))), [6, 5, 3, 2, 1]);
    assert.deepEqual(seqs(await json(await asAuditor(`/api/audit?actor=${encodeURIComponent('李四')}`))), [6, 5, 3]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?actor=u-zhang'))), [2, 1]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?action=identity.&outcome=denied'))), [5]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?action=identity.&outcome=failure'))), [3]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?from=2020-10-01&to=2020-10-01'))), [3, 2]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?from=2020-10-01&to=2020-10-02'))), [5, 4, 3, 2]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?from=2020-09-30&to=2020-09-30'))), [1]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?from=2020-10-01T10:00:00Z&to=2020-10-02T03:00:00Z'))), [3]);
    assert.deepEqual(seqs(await json(await asAuditor(`/api/audit?from=${encodeURIComponent('2020-10-01T18:00:00+08:00')}&to=2020-10-02`))), [5, 4, 3]);
    assert.deepEqual(seqs(await json(await asAuditor('/api/audit?action=identity.&outcome=&actor='))), [6, 5, 3, 2, 1]);
    const paged = await json(await asAuditor('/api/audit?action=identity.&page=2&pageSize=2'));
    assert.deepEqual({ seqs: seqs(paged), total: paged.total, page: paged.page, pageSize: paged.pageSize }, { seqs: [3, 2], total: 5, page: 2, pageSize: 2 });

    for (const bad of ['from=2020-02-30', 'to=abc', 'from=2020-10-01T25:00:00Z', 'from=2020-10-01T10:00:00']) {
      const zh = await json(await asAuditor(`/api/audit?${bad}`), 400);
      assert.equal(zh.error.code, 'INVALID_DATE', bad);
      assert.match(zh.error.message, /日期/);
    }
    const en = await json(await harness.call('/api/audit?from=2020-02-30', { actor: 'audit-admin', language: 'en' }), 400);
    assert.equal(en.error.message, 'Invalid date; expected YYYY-MM-DD');
    assert.equal((await json(await asAuditor('/api/audit?outcome=maybe'), 400)).error.code, 'VALIDATION_FAILED');
    assert.equal((await json(await asAuditor('/api/audit?pageSize=101'), 400)).error.code, 'VALIDATION_FAILED');
  });

  test('exports the filtered trail to an Excel file with Chinese headers, and records the export', async () => {
    const response = await asAuditor('/api/audit/export.xlsx?action=identity.');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="export\.xlsx"; filename\*=UTF-8''%E5%AE%A1%E8%AE%A1/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.name, '审计日志');
    const values = (row: number) => Array.from({ length: 10 }, (_, i) => sheet.getRow(row).getCell(i + 1).value);
    assert.deepEqual(values(1), ['序号', '时间', '操作人', '单位', '操作', '对象类型', '对象', '结果', 'IP', '终端']);
    assert.equal(sheet.rowCount, 6);
    assert.deepEqual(values(2), [6, '2020-10-03 00:00:00', '李四', 'unit-data', 'identity.signin', null, null, '成功', '10.0.0.9', 'Mozilla/5.0 test']);
    assert.equal(sheet.getRow(3).getCell(8).value, '拒绝');
    assert.equal(sheet.getRow(5).getCell(7).value, `'=HYPERLINK("http://evil","x")`, 'formula neutralised');
    const look = await harness.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.export').executeTakeFirstOrThrow();
    assert.equal(look.actor_id, 'u-auditor');
    assert.deepEqual(JSON.parse(look.detail ?? ''), { filter: { action: 'identity.' }, rows: 5 });
  });

  test('plain staff get 403 (recorded as denied), no session gets 401', async () => {
    const before = await harness.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const [method, path] of [
      ['GET', '/api/audit'],
      ['GET', '/api/audit/export.xlsx'],
      ['POST', '/api/audit/verify'],
    ] as const) {
      assert.equal((await json(await harness.call(path, { actor: 'plain', method }), 403)).error.code, 'FORBIDDEN', path);
      assert.equal((await json(await harness.call(path, { method }), 401)).error.code, 'UNAUTHENTICATED', path);
    }
    const denied = await harness.handle.db.selectFrom('audit_log').selectAll().where('actor_id', '=', 'u-staff').orderBy('seq').execute();
    assert.deepEqual(
      denied.map((r) => [r.action, r.outcome]),
      [
        ['audit.read', 'denied'],
        ['audit.export', 'denied'],
        ['audit.verify', 'denied'],
      ],
    );
    const afterCount = await harness.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n) - Number(before.n), 3, 'anonymous attempts leave nothing, nothing else was read');
  });
});

describe(`audit chain verification through the API on ${testDialect()}`, () => {
  test('says ok, then names the first edited record', async () => {
    const harness = await startHarness();
    try {
      const ok = await json(await harness.call('/api/audit/verify', { actor: 'audit-admin', method: 'POST' }));
      assert.deepEqual(ok, { ok: true, checked: 6, firstBroken: null });
      const record = await harness.handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'audit.verify').executeTakeFirstOrThrow();
      assert.equal(record.actor_id, 'u-auditor');
      assert.deepEqual(JSON.parse(record.detail ?? ''), ok);
      assert.deepEqual(await json(await harness.call('/api/audit/verify', { actor: 'audit-admin', method: 'POST' })), { ok: true, checked: 7, firstBroken: null });

      await dropProtection(harness.handle);
      await sql`update audit_log set outcome = 'success' where seq = 3`.execute(harness.handle.db);
      const broken = await json(await harness.call('/api/audit/verify', { actor: 'audit-admin', method: 'POST' }));
      assert.deepEqual(broken, { ok: false, checked: 2, firstBroken: { seq: 3, reason: 'edited' } });
    } finally {
      await harness.close();
    }
  });

  test('detects a deleted middle record', async () => {
    const harness = await startHarness();
    try {
      await dropProtection(harness.handle);
      await sql`delete from audit_log where seq = 3`.execute(harness.handle.db);
      const broken = await json(await harness.call('/api/audit/verify', { actor: 'audit-admin', method: 'POST' }));
      assert.deepEqual(broken, { ok: false, checked: 2, firstBroken: { seq: 4, reason: 'missing_before' } });
      // The verification itself is recorded at the head of the chain, whatever it found.
      const head = await harness.handle.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(head.action, 'audit.verify');
      assert.equal(head.seq, 7);
    } finally {
      await harness.close();
    }
  });
});
