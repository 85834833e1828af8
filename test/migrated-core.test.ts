// The core migrations apply on the target database and the audit table refuses edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { coreMigrations } from '../src/core/db/migrations/index.ts';
import { createMigratedDatabase, testDialect } from './test-database.ts';
import { recordAudit, verifyAuditChain } from '../src/core/audit/audit.service.ts';
import { systemActor } from '../src/core/auth/actor.ts';

test(`core migrations and the audit chain on ${testDialect()}`, async () => {
  const handle = await createMigratedDatabase([coreMigrations]);
  try {
    await handle.db.transaction().execute(async (tx) => {
      await recordAudit(tx, systemActor(), { action: 'test.one', after: { password: 'x', name: 'a' } });
      await recordAudit(tx, systemActor(), { action: 'test.two' });
    });
    const verification = await verifyAuditChain(handle.db);
    assert.deepEqual(verification, { ok: true, checked: 2, firstBroken: null });
    const first = await handle.db.selectFrom('audit_log').selectAll().where('seq', '=', 1).executeTakeFirstOrThrow();
    assert.equal(first.after_json, '{"password":"[redacted]","name":"a"}');
    await assert.rejects(sql`update audit_log set action = 'forged' where seq = 1`.execute(handle.db), /append-only/);
    await assert.rejects(sql`delete from audit_log where seq = 1`.execute(handle.db), /retention/);
  } finally {
    await handle.close();
  }
});
