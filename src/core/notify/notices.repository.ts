// In-app messages and outbox rows written together. On PostgreSQL, where every statement is a round trip, both
// go in one statement, each table's rows as one JSON parameter (jsonRows).
import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type DbExecutor } from '../db/database.ts';
import { jsonRows, jsonRowsWhereIn, preparedQuery } from '../db/prepared-query.ts';
import { insertMessages, type MessageRow } from './messages.repository.ts';
import { insertOutboxMessages, type OutboxRow } from './outbox.repository.ts';

const MESSAGE_COLUMNS = ['id', 'user_id', 'title', 'body', 'link', 'created_at', 'read_at'] as const;
const OUTBOX_COLUMNS = ['id', 'channel', 'topic', 'recipient', 'subject', 'body', 'payload_json', 'unit_id', 'status', 'attempts', 'next_attempt_at', 'last_error', 'created_at', 'sent_at'] as const;

const insertMessagesWithOutbox = preparedQuery((db, values: { messages: string; outbox: string }) =>
  db
    .with('sent', (qb) => qb.insertInto('messages').columns([...MESSAGE_COLUMNS]).expression(jsonRows<MessageRow>(values.messages, 'm', MESSAGE_COLUMNS)))
    .insertInto('outbox')
    .columns([...OUTBOX_COLUMNS])
    .expression(jsonRows<OutboxRow>(values.outbox, 'o', OUTBOX_COLUMNS, ['attempts'])),
);

/** Inserts in-app messages and outbox rows in the caller's transaction: one statement on PostgreSQL when there are both. */
export async function insertMessagesAndOutbox(tx: DbExecutor, messages: readonly MessageRow[], outbox: readonly OutboxRow[]): Promise<void> {
  if (dialectOf(tx) === 'postgres' && messages.length > 0 && outbox.length > 0) {
    await insertMessagesWithOutbox(tx, { messages: JSON.stringify(messages), outbox: JSON.stringify(outbox) });
    return;
  }
  if (messages.length > 0) await insertMessages(tx, messages);
  if (outbox.length > 0) await insertOutboxMessages(tx, outbox);
}

/** A notice that goes in only with what it is about: `gate` is the id of that row (e.g. a finding). */
export type Gated<Row> = Row & { gate: string };

/**
 * PostgreSQL: the two parts of a statement that inserts in-app messages and outbox rows, each only when the id in its
 * `gate` is among those `written` selects (e.g. `select id from raised`, the findings the same statement inserted).
 * For a caller that writes notices in the statement that writes what they are about, so that a row skipped there
 * (its key already on record) sends no notice. `messages` and `outbox`: JSON arrays of Gated rows, as query values.
 */
export function gatedNoticeInserts(messages: string, outbox: string, written: RawBuilder<unknown>): { messages: RawBuilder<unknown>; outbox: RawBuilder<unknown> } {
  return {
    messages: sql`insert into messages (${sql.raw(MESSAGE_COLUMNS.join(', '))}) ${jsonRowsWhereIn(messages, 'm', MESSAGE_COLUMNS, 'gate', written)}`,
    outbox: sql`insert into outbox (${sql.raw(OUTBOX_COLUMNS.join(', '))}) ${jsonRowsWhereIn(outbox, 'o', OUTBOX_COLUMNS, 'gate', written, ['attempts'])}`,
  };
}
