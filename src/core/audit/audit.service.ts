// recordAudit() is the one way state-changing use cases leave their audit record, inside their transaction.
import type { Actor } from '../auth/actor.ts';
import type { Db, DbExecutor } from '../db/database.ts';
import { newId, toTimestamp } from '../db/values.ts';
import { checkLink, type ChainBreak } from './audit.chain.ts';
import { appendAuditRecord, findAuditBatch } from './audit.repository.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  action: string;
  subjectType?: string | undefined;
  subjectId?: string | null | undefined;
  before?: unknown;
  after?: unknown;
  outcome?: AuditOutcome;
  detail?: string | undefined;
}

// Secrets never enter the audit trail, whatever a caller passes as before/after.
const SECRET_KEYS = /password|secret|token|hash/i;

function redactSecrets(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, inner: unknown) => (key && SECRET_KEYS.test(key) ? '[redacted]' : inner));
}

/** Writes the audit record of `actor` doing `entry` within the transaction `tx`. */
export async function recordAudit(tx: DbExecutor, actor: Actor, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await appendAuditRecord(tx, {
    id: newId(now.getTime()),
    occurred_at: toTimestamp(now),
    actor_id: actor.userId,
    actor_name: actor.name,
    unit_id: actor.unitId,
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    outcome: entry.outcome ?? 'success',
    before_json: redactSecrets(entry.before),
    after_json: redactSecrets(entry.after),
    detail: entry.detail ?? null,
    ip: actor.ip,
    user_agent: actor.userAgent ? actor.userAgent.slice(0, 400) : null,
  });
}

/** Records a failure or denial in a transaction of its own, for events whose use case did not commit. */
export async function recordAuditAlone(db: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await db.transaction().execute((tx) => recordAudit(tx, actor, entry));
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: ChainBreak | null;
}

/** Walks the whole chain in seq order and names the first broken link. */
export async function verifyAuditChain(db: DbExecutor, batchSize = 2000): Promise<ChainVerification> {
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  for (;;) {
    const batch = await findAuditBatch(db, previous?.seq ?? 0, batchSize);
    for (const record of batch) {
      const broken = checkLink(previous, record);
      if (broken) return { ok: false, checked, firstBroken: broken };
      previous = { seq: record.seq, hash: record.hash };
      checked += 1;
    }
    if (batch.length < batchSize) return { ok: true, checked, firstBroken: null };
  }
}
