// Writing raised findings with their first history entries, and notices with outbox rows: on PostgreSQL each pair
// is one statement, on SQLite two. A finding whose key is on record is skipped with its entry, on both databases.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../harness.ts';
import { testDialect } from '../test-database.ts';
import { newId, toTimestamp } from '../../src/core/db/values.ts';
import { insertMessagesAndOutbox } from '../../src/core/notify/notices.repository.ts';
import { insertFindingsWithFirstEntries } from '../../src/modules/supervision/supervision.repository.ts';
import type { SupervisionFindingActionsTable, SupervisionFindingsTable } from '../../src/modules/supervision/supervision.tables.ts';

const on = testDialect();
let app: TestApp;
before(async () => {
  app = await createTestApp();
});
after(() => app.close());

function finding(key: string, unitId: string): SupervisionFindingsTable {
  const stamp = toTimestamp(Date.now());
  return {
    id: newId(), finding_key: key, category: 'timeliness', rule_code: 'timeliness.step', level: 'warning', subject_type: 'case', subject_id: `case-${key}`, subject_label: '测试办件',
    unit_id: unitId, deadline_key: 'step:review:2026-11-16', due_on: '2026-11-17', detail: '办理环节即将到期（2026-11-17）', raised_at: stamp, raised_on: '2026-11-16', resolved_at: null, status: 'notified', updated_at: stamp,
  };
}

function entryOf(row: SupervisionFindingsTable): SupervisionFindingActionsTable {
  return { id: newId(), finding_id: row.id, action: 'raised', actor_user_id: null, actor_name: '电子监察系统', actor_unit_id: null, note: row.detail ?? '', occurred_at: row.raised_at };
}

test(`${on}: findings go in with their first entries; a key already on record is skipped with its entry`, async () => {
  const { db } = app.platform.database;
  const unitId = (await db.selectFrom('units').select('id').executeTakeFirstOrThrow()).id;
  const first = [finding('writes-a', unitId), finding('writes-b', unitId)];
  const inserted = await db.transaction().execute((tx) => insertFindingsWithFirstEntries(tx, first, first.map(entryOf)));
  assert.deepEqual([...inserted].sort(), first.map((row) => row.id).sort());

  const again = [finding('writes-b', unitId), finding('writes-c', unitId)];
  const insertedAgain = await db.transaction().execute((tx) => insertFindingsWithFirstEntries(tx, again, again.map(entryOf)));
  assert.deepEqual([...insertedAgain], [again[1]!.id], 'only the new key');

  const stored = await db.selectFrom('supervision_findings').select(['id', 'finding_key', 'resolved_at', 'deadline_key']).where('finding_key', 'like', 'writes-%').orderBy('finding_key').execute();
  assert.deepEqual(stored.map((row) => [row.finding_key, row.resolved_at, row.deadline_key]), [['writes-a', null, 'step:review:2026-11-16'], ['writes-b', null, 'step:review:2026-11-16'], ['writes-c', null, 'step:review:2026-11-16']]);
  const entries = await db.selectFrom('supervision_finding_actions').select('finding_id').where('finding_id', 'in', stored.map((row) => row.id)).execute();
  assert.deepEqual(entries.map((row) => row.finding_id).sort(), stored.map((row) => row.id).sort(), 'one entry per finding stored, none for the skipped one');
  assert.equal((await db.transaction().execute((tx) => insertFindingsWithFirstEntries(tx, [], []))).size, 0);
});

test(`${on}: messages and outbox rows written together keep every column`, async () => {
  const { db } = app.platform.database;
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  const stamp = toTimestamp(Date.now());
  const message = { id: newId(), user_id: userId, title: '电子监察预警', body: '办件「测试」即将到期', link: '/supervision/findings/x', created_at: stamp, read_at: null };
  const sms = { id: newId(), channel: 'sms' as const, topic: 'supervision.finding_warning', recipient: '19900000000', subject: null, body: '【政通】电子监察预警', payload_json: null, unit_id: null, status: 'pending' as const, attempts: 0, next_attempt_at: stamp, last_error: null, created_at: stamp, sent_at: null };
  const event = { ...sms, id: newId(), channel: 'event' as const, topic: 'supervision.finding_raised', recipient: null, body: null, payload_json: JSON.stringify({ findingId: 'x', level: 'warning' }) };
  await db.transaction().execute((tx) => insertMessagesAndOutbox(tx, [message], [sms, event]));
  await db.transaction().execute((tx) => insertMessagesAndOutbox(tx, [], [{ ...event, id: newId() }]));
  assert.deepEqual({ ...(await db.selectFrom('messages').selectAll().where('id', '=', message.id).executeTakeFirst()) }, message);
  const stored = await db.selectFrom('outbox').selectAll().where('id', 'in', [sms.id, event.id]).orderBy('channel').execute();
  assert.deepEqual(stored.map((row) => ({ ...row })), [event, sms]);
  assert.equal(JSON.parse(stored[0]!.payload_json!).findingId, 'x');
});
