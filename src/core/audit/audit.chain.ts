// The audit hash chain: each record's hash covers its own fields and the previous record's hash, so editing,
// inserting or deleting a record breaks the chain at that point.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_name: string | null;
  unit_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: string;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
}

/** SHA-256 over a canonical JSON array of the record's fields in a fixed order. */
export function hashAuditRecord(record: ChainedFields): string {
  const canonical = JSON.stringify([
    record.seq,
    record.id,
    record.occurred_at,
    record.actor_id,
    record.actor_name,
    record.unit_id,
    record.action,
    record.subject_type,
    record.subject_id,
    record.outcome,
    record.before_json,
    record.after_json,
    record.detail,
    record.ip,
    record.user_agent,
    record.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface ChainBreak {
  seq: number;
  reason: 'edited' | 'missing_before' | 'inserted_or_reordered';
}

/** Checks one record against its predecessor; returns the break or null. Records must come in seq order. */
export function checkLink(previous: { seq: number; hash: string } | null, record: ChainedFields & { hash: string }): ChainBreak | null {
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (record.seq !== expectedSeq) return { seq: record.seq, reason: 'missing_before' };
  if (record.prev_hash !== (previous ? previous.hash : GENESIS_HASH)) return { seq: record.seq, reason: 'inserted_or_reordered' };
  if (hashAuditRecord(record) !== record.hash) return { seq: record.seq, reason: 'edited' };
  return null;
}
