// What supervision reads of a case after one of its events: its facts and its record in one statement. It must
// say exactly what the many-case reads (a batch of events, a re-evaluation) say of the same case.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { sql } from 'kysely';
import { caseWithRecordForSupervisionAnd, describeCaseRecordsForSupervision, describeCasesForSupervision, describeCaseWithRecordForSupervision } from '../../src/modules/services/index.ts';

const on = testDialect();
let app: TestApp;
before(async () => {
  app = await createTestApp();
});
after(() => app.close());

test(`${on}: one case with its record reads as the many-case reads say; an unknown case reads as none`, async () => {
  const { db } = app.platform.database;
  const cases = await db.selectFrom('cases').select('id').orderBy('id').execute();
  assert.ok(cases.length > 0, 'the demo county has cases');
  const ids = cases.map((row) => row.id);
  const many = new Map((await describeCasesForSupervision(db, ids)).map((found) => [found.id, found]));
  const records = await describeCaseRecordsForSupervision(db, [...many.values()]);
  let withMaterials = 0;
  for (const id of ids) {
    const one = await describeCaseWithRecordForSupervision(db, id);
    assert.deepEqual(one?.found, many.get(id), `facts of ${id}`);
    assert.deepEqual(one?.record, records.get(id), `record of ${id}`);
    if (one!.record.events.length > 0 && one!.record.materialKeysAtAcceptance.length > 0) withMaterials += 1;
  }
  assert.ok(withMaterials > 0, 'some cases have both events and materials');
  assert.equal(await describeCaseWithRecordForSupervision(db, 'no-such-case'), undefined);

  // With a value of the caller's read alongside (supervision reads the case's watched row so): the same case, and the value.
  const withNumber = caseWithRecordForSupervisionAnd((caseId) => sql<string | null>`(select case_number from cases where id = ${caseId})`);
  for (const id of ids.slice(0, 5)) {
    const read = await withNumber(db, id);
    assert.deepEqual({ found: read?.found, record: read?.record }, await describeCaseWithRecordForSupervision(db, id));
    assert.equal(read?.alongside, many.get(id)?.caseNumber);
  }
  assert.equal(await withNumber(db, 'no-such-case'), undefined);

  // A case with neither events nor materials still reads, once, with an empty record (undone afterwards).
  const bare = ids[0]!;
  const rolledBack = new Error('undo');
  await assert.rejects(
    db.transaction().execute(async (tx) => {
      await tx.deleteFrom('case_materials').where('case_id', '=', bare).execute();
      await tx.deleteFrom('case_events').where('case_id', '=', bare).execute();
      const one = await describeCaseWithRecordForSupervision(tx, bare);
      assert.deepEqual(one?.found, many.get(bare));
      assert.deepEqual([one?.record.events, one?.record.materialKeysAtAcceptance], [[], []]);
      throw rolledBack;
    }),
    (error) => error === rolledBack,
  );
});
