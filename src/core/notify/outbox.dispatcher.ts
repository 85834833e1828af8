// Delivers what committed transactions left in the outbox: e-mail through the EmailSender, SMS through the
// SmsGateway, domain events to the subscribers whose pattern matches. Any number of nodes may dispatch at once;
// each row is claimed by one of them under a lease. A failure is retried after min(30 s × 2^(k−1), 1 h) ± 10 %;
// after maxAttempts the row is 'dead' and waits for a person to retry it from the console.
import type { Db } from '../db/database.ts';
import { fromJson, toTimestamp } from '../db/values.ts';
import { createBackgroundLoop, systemClock, type Clock, type WorkerLogger } from '../jobs/background-loop.ts';
import { computeRetryDelayMs, type BackoffOptions } from '../jobs/backoff.ts';
import type { EmailSender } from './email-sender.ts';
import { assertTopicPattern, matchesTopic, type BatchEventHandler, type DeliveredEvent, type EventHandler, type EventSubscription } from './event-topics.ts';
import {
  claimDueOutboxMessages,
  markOutboxDead,
  markOutboxForRetry,
  markOutboxManySent,
  reclaimExpiredOutboxLeases,
  releaseOutboxClaim,
  type OutboxAttempt,
  type OutboxRow,
} from './outbox.repository.ts';
import type { SmsGateway } from './sms-gateway.ts';

export interface OutboxDispatcherOptions {
  db: Db;
  emailSender: EmailSender;
  smsGateway: SmsGateway;
  /** Event subscribers known at construction; more can be added with subscribe(). */
  subscribers?: EventSubscription[];
  clock?: Clock;
  /** Rows claimed per run (default 50); batch subscribers take their events together, then each row is delivered, and the deliveries recorded together. */
  batchSize?: number;
  /** Attempts before a row is dead (default 8). */
  maxAttempts?: number;
  /** How long a claimed batch may take before another node may take it over (default 300 s). */
  leaseSeconds?: number;
  backoff?: BackoffOptions;
  logger: WorkerLogger;
}

export interface OutboxDispatchCounts {
  reclaimed: number;
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
  /** Results not recorded because the lease had expired and another node reclaimed the row. */
  lost: number;
  /** Claimed rows handed back unattempted because the batch had used half its lease. */
  released: number;
}

export interface OutboxDispatcher {
  /** Reclaims expired leases, claims one batch of due rows, delivers each and records the result. */
  runOnce(): Promise<OutboxDispatchCounts>;
  /** Dispatches every `intervalMs` (and at once while batches come back full). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
  /** Dispatch soon — call after committing a transaction that wrote to the outbox. */
  kick(): void;
  /**
   * Adds a subscriber for an exact topic, `prefix.*` or `*`. An event counts as sent only when all its
   * subscribers succeeded; a retry runs all of them again, so subscribers must be idempotent (use `event.id`).
   */
  subscribe(pattern: string, handler: EventHandler, name?: string, batchHandler?: BatchEventHandler): void;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Creates this node's outbox dispatcher. */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { db, emailSender, smsGateway, logger } = options;
  const clock = options.clock ?? systemClock;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 8;
  const leaseMs = (options.leaseSeconds ?? 300) * 1000;
  const subscriptions: EventSubscription[] = [];

  function subscribe(pattern: string, handler: EventHandler, name?: string, batchHandler?: BatchEventHandler): void {
    assertTopicPattern(pattern);
    subscriptions.push({ pattern, handler, batchHandler, name: name ?? `${pattern}#${subscriptions.length + 1}` });
  }
  for (const subscription of options.subscribers ?? []) subscribe(subscription.pattern, subscription.handler, subscription.name, subscription.batchHandler);

  function toDelivered(row: OutboxRow): DeliveredEvent {
    return { topic: row.topic, payload: fromJson<unknown>(row.payload_json), event: { id: row.id, topic: row.topic, unitId: row.unit_id, createdAt: row.created_at, attempt: row.attempts } };
  }

  /** Runs the batch subscribers over the claimed events first; returns each event's failures among them. */
  async function deliverBatches(rows: readonly OutboxRow[]): Promise<Map<string, string[]>> {
    const failures = new Map<string, string[]>();
    for (const subscription of subscriptions) {
      if (!subscription.batchHandler) continue;
      const matching = rows.filter((row) => row.channel === 'event' && matchesTopic(subscription.pattern, row.topic));
      if (matching.length === 0) continue;
      try {
        await subscription.batchHandler(matching.map(toDelivered));
      } catch (error) {
        for (const row of matching) failures.set(row.id, [...(failures.get(row.id) ?? []), `${subscription.name}: ${describeFailure(error)}`]);
      }
    }
    return failures;
  }

  async function deliverEvent(row: OutboxRow, earlierFailures: readonly string[]): Promise<void> {
    const { payload, event } = toDelivered(row);
    const failures = [...earlierFailures];
    // Every matching subscriber runs even when an earlier one failed, so one broken subscriber delays no other.
    for (const subscription of subscriptions) {
      if (subscription.batchHandler || !matchesTopic(subscription.pattern, row.topic)) continue;
      try {
        await subscription.handler(row.topic, payload, event);
      } catch (error) {
        failures.push(`${subscription.name}: ${describeFailure(error)}`);
      }
    }
    if (failures.length > 0) throw new Error(failures.join('; '));
  }

  async function deliver(row: OutboxRow, batchFailures: readonly string[]): Promise<void> {
    switch (row.channel) {
      case 'email': {
        const html = fromJson<{ html?: string }>(row.payload_json)?.html;
        await emailSender.send({ to: row.recipient ?? '', subject: row.subject ?? '', text: row.body ?? '', html });
        return;
      }
      case 'sms':
        await smsGateway.send({ to: row.recipient ?? '', text: row.body ?? '' });
        return;
      case 'event':
        await deliverEvent(row, batchFailures);
        return;
      default:
        throw new Error(`Unknown outbox channel ${String(row.channel)}`);
    }
  }

  /** Delivers a row; a failure is recorded at once, a delivery is added to `delivered` to be recorded with the batch's. */
  async function deliverAndRecordFailure(row: OutboxRow, counts: OutboxDispatchCounts, batchFailures: readonly string[], delivered: OutboxAttempt[]): Promise<void> {
    const attempt: OutboxAttempt = { id: row.id, attempts: row.attempts };
    let recorded: boolean;
    let outcome: 'retried' | 'dead';
    try {
      await deliver(row, batchFailures);
      delivered.push(attempt);
      return;
    } catch (error) {
      const message = describeFailure(error);
      const details = { err: error, outboxId: row.id, channel: row.channel, topic: row.topic, attempt: row.attempts };
      if (row.attempts >= maxAttempts) {
        outcome = 'dead';
        logger.error(details, 'outbox message gave up after its last attempt');
        recorded = await markOutboxDead(db, attempt, message);
      } else {
        outcome = 'retried';
        const nextAttemptAt = toTimestamp(clock().getTime() + computeRetryDelayMs(row.attempts, options.backoff));
        logger.warn({ ...details, nextAttemptAt }, 'outbox delivery failed, will retry');
        recorded = await markOutboxForRetry(db, attempt, nextAttemptAt, message);
      }
    }
    if (recorded) counts[outcome] += 1;
    else loseResult(counts, attempt, outcome);
  }

  function loseResult(counts: OutboxDispatchCounts, attempt: OutboxAttempt, outcome: 'sent' | 'retried' | 'dead'): void {
    counts.lost += 1;
    logger.warn({ outboxId: attempt.id, attempt: attempt.attempts, outcome }, 'outbox lease was lost before the result was recorded');
  }

  async function runOnce(): Promise<OutboxDispatchCounts> {
    const counts: OutboxDispatchCounts = { reclaimed: 0, claimed: 0, sent: 0, retried: 0, dead: 0, lost: 0, released: 0 };
    const now = clock();
    counts.reclaimed = await reclaimExpiredOutboxLeases(db, toTimestamp(now), maxAttempts);
    if (counts.reclaimed > 0) logger.warn({ reclaimed: counts.reclaimed }, 'reclaimed outbox messages whose lease expired');
    const rows = await claimDueOutboxMessages(db, { now: toTimestamp(now), leaseUntil: toTimestamp(now.getTime() + leaseMs), limit: batchSize });
    counts.claimed = rows.length;
    const batchFailures = await deliverBatches(rows);
    // Past half the lease, the rest of the batch goes back rather than risk another node sending it too.
    const releaseAfter = now.getTime() + leaseMs / 2;
    const delivered: OutboxAttempt[] = [];
    for (const row of rows) {
      if (clock().getTime() > releaseAfter) {
        if (await releaseOutboxClaim(db, { id: row.id, attempts: row.attempts }, toTimestamp(clock()))) counts.released += 1;
        continue;
      }
      await deliverAndRecordFailure(row, counts, batchFailures.get(row.id) ?? [], delivered);
    }
    // The batch's deliveries are recorded together (one statement on PostgreSQL instead of one per row). A node that
    // stops before this line delivers those rows again once their lease expires, as it would any row it had
    // claimed and not recorded: delivery is at least once, and subscribers are idempotent.
    const recorded = await markOutboxManySent(db, delivered, toTimestamp(clock()));
    for (const attempt of delivered) {
      if (recorded.has(attempt.id)) counts.sent += 1;
      else loseResult(counts, attempt, 'sent');
    }
    return counts;
  }

  const loop = createBackgroundLoop('outbox', async () => (await runOnce()).claimed >= batchSize, logger);
  return { runOnce, start: loop.start, stop: loop.stop, kick: loop.kick, subscribe };
}
