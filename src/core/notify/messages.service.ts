// In-app messages to staff users: written in the caller's transaction (committing is delivering), listed and
// marked read by their owner only.
import type { DbExecutor } from '../db/database.ts';
import { newId, toTimestamp } from '../db/values.ts';
import { AppError } from '../errors/app-error.ts';
import { findMessagesOfUser, insertMessage, markOwnMessageRead, type MessageRow } from './messages.repository.ts';
import './notify.errors.ts';

export interface InAppMessageToSend {
  userId: string;
  title: string;
  body: string;
  /** A console path the message points to, e.g. `/cases/…`. */
  link?: string | null | undefined;
}

export interface MessageView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

function presentMessage(row: MessageRow): MessageView {
  return { id: row.id, title: row.title, body: row.body, link: row.link, readAt: row.read_at, createdAt: row.created_at };
}

/** The stored row of an in-app message. */
export function inAppMessageRow(message: InAppMessageToSend, now: Date): MessageRow {
  return { id: newId(now.getTime()), user_id: message.userId, title: message.title, body: message.body, link: message.link ?? null, created_at: toTimestamp(now), read_at: null };
}

/** Writes an in-app message in the caller's transaction and nothing else; returns its id. */
export async function sendInAppMessage(tx: DbExecutor, message: InAppMessageToSend, now: Date = new Date()): Promise<string> {
  const row = inAppMessageRow(message, now);
  await insertMessage(tx, row);
  return row.id;
}

/** A page of the user's messages, newest first, with how many they have in all and unread. */
export async function findMessages(
  db: DbExecutor,
  userId: string,
  page: number,
  pageSize: number,
): Promise<{ items: MessageView[]; total: number; unread: number }> {
  const found = await findMessagesOfUser(db, userId, page, pageSize);
  return { items: found.items.map(presentMessage), total: found.total, unread: found.unread };
}

/** Marks one of the user's own messages read; MESSAGE_NOT_FOUND for anyone else's. */
export async function markMessageRead(tx: DbExecutor, userId: string, messageId: string, now: Date = new Date()): Promise<MessageView> {
  const row = await markOwnMessageRead(tx, userId, messageId, toTimestamp(now));
  if (!row) throw new AppError('MESSAGE_NOT_FOUND');
  return presentMessage(row);
}
