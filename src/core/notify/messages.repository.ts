// All SQL of in-app messages: a message is delivered by being committed with the change that caused it.
import type { Selectable } from 'kysely';
import { insertMany, preparedQuery } from '../db/prepared-query.ts';
import type { DbExecutor } from '../db/database.ts';
import { toCount } from '../db/values.ts';

export interface MessagesTable {
  id: string;
  user_id: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    messages: MessagesTable;
  }
}

export type MessageRow = Selectable<MessagesTable>;

/** Inserts many messages in multi-row statements (in the caller's transaction). */
export async function insertMessages(tx: DbExecutor, rows: readonly MessageRow[]): Promise<void> {
  await insertMany(tx, rows, { one: insertMessageRow, many: (db, chunk) => db.insertInto('messages').values(chunk).execute(), rowsPerStatement: 100 });
}

/** Inserts one message (in the caller's transaction). */
export async function insertMessage(tx: DbExecutor, row: MessageRow): Promise<void> {
  await insertMessageRow(tx, row);
}

// Findings and case notices write one message at a time on their hot paths: the insert is prepared once.
const insertMessageRow = preparedQuery((db, row: MessageRow) =>
  db.insertInto('messages').values({ id: row.id, user_id: row.user_id, title: row.title, body: row.body, link: row.link, created_at: row.created_at, read_at: row.read_at }),
);

/** A page of one user's messages, newest first, with the user's total and unread counts. */
export async function findMessagesOfUser(
  db: DbExecutor,
  userId: string,
  page: number,
  pageSize: number,
): Promise<{ items: MessageRow[]; total: number; unread: number }> {
  const own = db.selectFrom('messages').where('user_id', '=', userId);
  const [items, counts] = await Promise.all([
    own.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    own
      .select((eb) => [eb.fn.countAll().as('total'), eb.fn.count('id').filterWhere('read_at', 'is', null).as('unread')])
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: toCount(counts.total), unread: toCount(counts.unread) };
}

/** Marks the user's own message read (keeping the first read time); undefined when the user has no such message. */
export function markOwnMessageRead(tx: DbExecutor, userId: string, messageId: string, now: string): Promise<MessageRow | undefined> {
  return tx
    .updateTable('messages')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('id', '=', messageId)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}
