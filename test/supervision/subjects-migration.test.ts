// The migration that drops the watched subjects' foreign key to units keeps every watched row, the key and the
// next-check index on both databases (SQLite rebuilds the table), and afterwards the table no longer checks units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrateToLatest } from '../../src/core/db/migrate.ts';
import { allMigrations } from '../../src/platform.ts';
import { createMigratedDatabase, testDialect } from '../test-database.ts';

const MIGRATION = '202612071600_subjects_unit_unchecked';

const subject = (id: string, unitId: string) => ({ subject_type: 'case', subject_id: id, unit_id: unitId, scope_key: 'item-1', label: `2026-${id}`, deadlines_json: '{"case":null,"steps":[]}', next_check_on: '2026-12-10', evaluated_at: '2026-12-07T08:00:00.000Z' });

test(`${testDialect()}: dropping the subjects' unit foreign key keeps the watched rows, their key and the next-check index`, async () => {
  const before = allMigrations.map((set) => Object.fromEntries(Object.entries(set).filter(([name]) => name !== MIGRATION)));
  const handle = await createMigratedDatabase(before);
  try {
    const { db } = handle;
    await db.insertInto('units').values({ id: 'unit-1', parent_id: null, kind: 'department', name: '县市场监督管理局', name_en: null, code: null, credit_code: null, path: '/unit-1', depth: 1, sort_order: 0, created_at: '2026-12-01T00:00:00.000Z', updated_at: '2026-12-01T00:00:00.000Z' }).execute();
    await db.insertInto('supervision_subjects').values([subject('a', 'unit-1'), subject('b', 'unit-1')]).execute();
    await assert.rejects(db.insertInto('supervision_subjects').values(subject('c', 'no-such-unit')).execute(), 'before: the unit is checked');

    assert.deepEqual(await migrateToLatest(db, allMigrations), [MIGRATION]);

    const rows = await db.selectFrom('supervision_subjects').selectAll().orderBy('subject_id').execute();
    assert.deepEqual(rows.map((row) => ({ ...row })), [subject('a', 'unit-1'), subject('b', 'unit-1')]);
    await db.insertInto('supervision_subjects').values(subject('c', 'no-such-unit')).execute();
    await assert.rejects(db.insertInto('supervision_subjects').values(subject('a', 'unit-1')).execute(), 'the key still refuses a second row for a subject');
    const due = await db.selectFrom('supervision_subjects').select('subject_id').where('next_check_on', '<=', '2026-12-10').orderBy('subject_id').execute();
    assert.deepEqual(due.map((row) => row.subject_id), ['a', 'b', 'c']);
    const indexes = testDialect() === 'postgres'
      ? (await db.selectFrom('pg_indexes' as never).select('indexname' as never).where('tablename' as never, '=', 'supervision_subjects' as never).execute()) as Array<{ indexname: string }>
      : ((await db.selectFrom('sqlite_master' as never).select('name as indexname' as never).where('type' as never, '=', 'index' as never).where('tbl_name' as never, '=', 'supervision_subjects' as never).execute()) as Array<{ indexname: string }>);
    assert.ok(indexes.some((index) => index.indexname === 'supervision_subjects_next_check'), JSON.stringify(indexes));
  } finally {
    await handle.close();
  }
});
