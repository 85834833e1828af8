// Writing to the outbox in the caller's transaction — a message exists if and only if the change that caused it
// committed — and the console's view of the outbox (list, read one, retry).
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db, DbExecutor } from '../db/database.ts';
import { fromJson, newId, toJson, toTimestamp } from '../db/values.ts';
import { AppError } from '../errors/app-error.ts';
import { maskPhone, normalizeMobilePhone } from '../ids/phone.ts';
import { assertEventTopic } from './event-topics.ts';
import './notify.errors.ts';
import { assertPermission } from './notify.policy.ts';
import {
  findOutboxMessageById,
  findOutboxPage,
  insertOutboxMessage,
  retryOutboxMessageNow,
  type OutboxChannel,
  type OutboxFilter,
  type OutboxRow,
  type OutboxStatus,
} from './outbox.repository.ts';

export interface EmailToSend {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  unitId?: string | null | undefined;
  /** What the mail is about, for the console (`identity.passwordReset`); default `email`. */
  topic?: string | undefined;
}

export interface SmsToSend {
  to: string;
  text: string;
  unitId?: string | null | undefined;
  /** What the SMS is about, for the console; default `sms`. */
  topic?: string | undefined;
}

const emailAddressSchema = z.email();

function newOutboxRow(now: Date, fields: Pick<OutboxRow, 'channel' | 'topic'> & Partial<OutboxRow>): OutboxRow {
  return {
    id: newId(now.getTime()),
    recipient: null,
    subject: null,
    body: null,
    payload_json: null,
    unit_id: null,
    status: 'pending',
    attempts: 0,
    next_attempt_at: toTimestamp(now),
    last_error: null,
    created_at: toTimestamp(now),
    sent_at: null,
    ...fields,
  };
}

// A recipient that can never be reached is not worth eight attempts, nor worth failing the caller's use case:
// the row is stored dead, so the change commits and the console shows why nothing went out.
function refusedRecipient(reason: string): Partial<OutboxRow> {
  return { status: 'dead', last_error: reason };
}

/** Queues an e-mail in the caller's transaction; returns the outbox id. */
export async function enqueueEmail(tx: DbExecutor, email: EmailToSend, now: Date = new Date()): Promise<string> {
  const to = email.to.trim();
  const row = newOutboxRow(now, {
    channel: 'email',
    topic: email.topic ?? 'email',
    recipient: to,
    subject: email.subject,
    body: email.text,
    payload_json: email.html ? toJson({ html: email.html }) : null,
    unit_id: email.unitId ?? null,
    ...(emailAddressSchema.safeParse(to).success ? {} : refusedRecipient(`Not an e-mail address: ${to.slice(0, 100)}`)),
  });
  await insertOutboxMessage(tx, row);
  return row.id;
}

/** The outbox row of an SMS to a mainland mobile number (stored normalised to 11 digits). */
export function smsOutboxRow(sms: SmsToSend, now: Date): OutboxRow {
  const normalized = normalizeMobilePhone(sms.to);
  return newOutboxRow(now, {
    channel: 'sms',
    topic: sms.topic ?? 'sms',
    recipient: normalized ?? sms.to,
    body: sms.text,
    unit_id: sms.unitId ?? null,
    ...(normalized ? {} : refusedRecipient('Not a mainland mobile number')),
  });
}

/** The outbox row of a domain event (its topic checked). */
export function eventOutboxRow(topic: string, payload: unknown, options: { unitId?: string | null }, now: Date): OutboxRow {
  assertEventTopic(topic);
  return newOutboxRow(now, { channel: 'event', topic, payload_json: toJson(payload ?? null) ?? 'null', unit_id: options.unitId ?? null });
}

/** Queues an SMS to a mainland mobile number (stored normalised to 11 digits) in the caller's transaction. */
export async function enqueueSms(tx: DbExecutor, sms: SmsToSend, now: Date = new Date()): Promise<string> {
  const row = smsOutboxRow(sms, now);
  await insertOutboxMessage(tx, row);
  return row.id;
}

/**
 * Publishes a domain event (`case.accepted`) in the caller's transaction; after commit the dispatcher hands it to
 * every matching subscriber. The payload must survive JSON and should carry ids, not records.
 */
export async function publishEvent(tx: DbExecutor, topic: string, payload: unknown, options: { unitId?: string | null } = {}, now: Date = new Date()): Promise<string> {
  const row = eventOutboxRow(topic, payload, options, now);
  await insertOutboxMessage(tx, row);
  return row.id;
}

export interface OutboxMessageView {
  id: string;
  channel: OutboxChannel;
  topic: string;
  /** Mobile numbers are masked in lists; the detail shows them (and is audited). */
  recipient: string | null;
  subject: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** When the next attempt is due; null unless pending or failed. */
  nextAttemptAt: string | null;
}

export interface OutboxMessageDetail extends OutboxMessageView {
  body: string | null;
  html: string | null;
  /** An event's payload; null for mail and SMS. */
  payload: unknown;
}

function presentOutboxMessage(row: OutboxRow, revealRecipient = false): OutboxMessageView {
  return {
    id: row.id,
    channel: row.channel,
    topic: row.topic,
    recipient: row.recipient !== null && row.channel === 'sms' && !revealRecipient ? maskPhone(row.recipient) : row.recipient,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.status === 'pending' || row.status === 'failed' ? row.next_attempt_at : null,
  };
}

/** A page of the outbox for the console, newest first. */
export async function findOutboxMessages(
  db: DbExecutor,
  actor: Actor,
  query: OutboxFilter & { page: number; pageSize: number },
): Promise<{ items: OutboxMessageView[]; total: number; page: number; pageSize: number }> {
  assertPermission(actor, 'notify.outbox.read');
  const { items, total } = await findOutboxPage(db, { status: query.status, channel: query.channel }, query.page, query.pageSize);
  return { items: items.map((row) => presentOutboxMessage(row)), total, page: query.page, pageSize: query.pageSize };
}

/** One outbox message with its content — how staff read mail and SMS in embedded mode. The reveal is audited. */
export async function getOutboxMessage(db: Db, actor: Actor, id: string): Promise<OutboxMessageDetail> {
  assertPermission(actor, 'notify.outbox.read');
  return db.transaction().execute(async (tx) => {
    const row = await findOutboxMessageById(tx, id);
    if (!row) throw new AppError('OUTBOX_MESSAGE_NOT_FOUND');
    await recordAudit(tx, actor, { action: 'notify.outbox.view', subjectType: 'outbox', subjectId: id });
    const payload = fromJson<unknown>(row.payload_json);
    return {
      ...presentOutboxMessage(row, true),
      body: row.body,
      html: row.channel === 'email' ? ((payload as { html?: string } | null)?.html ?? null) : null,
      payload: row.channel === 'event' ? payload : null,
    };
  });
}

/** Makes a pending, failed or dead message due now (one more attempt), audited in the same transaction. */
export async function retryOutboxMessage(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<OutboxMessageView> {
  assertPermission(actor, 'notify.outbox.manage');
  return db.transaction().execute(async (tx) => {
    const before = await findOutboxMessageById(tx, id);
    if (!before) throw new AppError('OUTBOX_MESSAGE_NOT_FOUND');
    const after = await retryOutboxMessageNow(tx, id, toTimestamp(now));
    if (!after) throw new AppError('OUTBOX_MESSAGE_NOT_RETRYABLE');
    await recordAudit(
      tx,
      actor,
      {
        action: 'notify.outbox.retry',
        subjectType: 'outbox',
        subjectId: id,
        before: { status: before.status, attempts: before.attempts, lastError: before.last_error },
        after: { status: after.status },
      },
      now,
    );
    return presentOutboxMessage(after);
  });
}
