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

test(`${testDialect()}: appends from many transactions at once form one unbroken chain`, async () => {
  const handle = await createMigratedDatabase([coreMigrations]);
  try {
    // Each transaction holds its place in the chain until it commits; the next one must read that new head.
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        handle.db.transaction().execute(async (tx) => {
          await recordAudit(tx, systemActor(), { action: 'test.first', subjectId: String(index) });
          await sql`select 1`.execute(tx);
          await recordAudit(tx, systemActor(), { action: 'test.second', subjectId: String(index) });
        }),
      ),
    );
    assert.deepEqual(await verifyAuditChain(handle.db), { ok: true, checked: 80, firstBroken: null });
    const rows = await handle.db.selectFrom('audit_log').select(['seq', 'action', 'subject_id']).orderBy('seq').execute();
    assert.deepEqual(rows.map((row) => row.seq), Array.from({ length: 80 }, (_, index) => index + 1));
    // A transaction's two records are adjacent: the chain stays locked from its first append to its commit.
    for (let at = 0; at < rows.length; at += 2) assert.equal(rows[at]!.subject_id, rows[at + 1]!.subject_id, `seq ${at + 1}`);
  } finally {
    await handle.close();
  }
});
