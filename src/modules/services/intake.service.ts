// 数据自动上报: departments' own business systems push their cases so that the platform and its
// supervision see every case wherever it is handled. One credential per system; a push is
// idempotent by the system's own case id (a repeat adds only the events not yet known) and audited.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../core/auth/actor.ts';
import { systemActor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { publishEvent } from '../../core/notify/index.ts';
import { findUnitFacts } from '../identity/index.ts';
import { chinaDateOf } from './case-history.ts';
import { refreshCaseClock } from './case-transition.ts';
import { findCaseEvents, insertCase, insertCaseEvents, updateCaseAtVersion } from './cases.repository.ts';
import { assignCaseNumber } from './cases.service.ts';
import { foldPushedHistory } from './intake.events.ts';
import { findExternalSystemById, findExternalSystemByPrefix, findExternalSystems, findPushedCase, findUnitItemByCode, insertExternalSystem, updateExternalSystem } from './intake.repository.ts';
import type { PushedCase, PushedEvent } from './intake.schema.ts';
import { findVersionById } from './service-items.repository.ts';
import { readVersionBody } from './service-items.service.ts';
import { requirePermission } from './services.policy.ts';
import type { CaseRow } from './services.tables.ts';
import type { ServicesDeps } from './services.deps.ts';

const MANAGE = 'services.integrations.manage';
type SystemRow = NonNullable<Awaited<ReturnType<typeof findExternalSystemById>>>;

function presentSystem(row: SystemRow) {
  return { id: row.id, name: row.name, unitId: row.unit_id, unitName: row.unit_name, credentialPrefix: row.credential_prefix, status: row.status, createdAt: row.created_at, lastUsedAt: row.last_used_at };
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Registers a department's system and returns its credential, shown this once only. */
export async function createExternalSystem(deps: ServicesDeps, actor: Actor, input: { name: string; unitId: string }) {
  requirePermission(actor, MANAGE);
  const unit = await findUnitFacts(deps.db, input.unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  const now = deps.now();
  const id = newId(now.getTime());
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  await deps.db.transaction().execute(async (tx) => {
    await insertExternalSystem(tx, { id, name: input.name, unit_id: unit.id, credential_prefix: prefix, credential_hash: hashSecret(secret), status: 'active', created_by: actor.userId, created_at: toTimestamp(now), updated_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'services.external_system.create', subjectType: 'external_system', subjectId: id, after: { name: input.name, unitId: unit.id, prefix } }, now);
  });
  const row = await findExternalSystemById(deps.db, id);
  return { system: presentSystem(row as SystemRow), credential: `zt_${prefix}_${secret}` };
}

/** Every registered system. */
export async function listExternalSystems(deps: ServicesDeps, actor: Actor) {
  requirePermission(actor, MANAGE);
  return (await findExternalSystems(deps.db)).map(presentSystem);
}

/** Stops a system's credential from working. */
export async function disableExternalSystem(deps: ServicesDeps, actor: Actor, id: string) {
  requirePermission(actor, MANAGE);
  const row = await findExternalSystemById(deps.db, id);
  if (!row) throw new AppError('EXTERNAL_SYSTEM_NOT_FOUND');
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    await updateExternalSystem(tx, id, { status: 'disabled', updated_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'services.external_system.disable', subjectType: 'external_system', subjectId: id }, now);
  });
  return presentSystem({ ...row, status: 'disabled' });
}

/** The active system a `Bearer zt_<prefix>_<secret>` header belongs to; INTAKE_UNAUTHENTICATED otherwise. */
export async function authenticateSystem(deps: ServicesDeps, authorization: string | undefined): Promise<SystemRow> {
  const match = /^Bearer zt_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
  const row = match ? await findExternalSystemByPrefix(deps.db, match[1] as string) : undefined;
  const expected = Buffer.from(row?.credential_hash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(hashSecret(match?.[2] ?? ''), 'hex');
  if (!row || !timingSafeEqual(expected, given) || row.status !== 'active') throw new AppError('INTAKE_UNAUTHENTICATED');
  return { ...row, unit_name: '' };
}

function eventDetail(event: PushedEvent): Record<string, unknown> {
  const { type: _type, occurredAt: _at, ...detail } = event;
  if (event.type === 'decided') return { ...detail, amount: event.fineAmount ?? null };
  return detail;
}

async function appendEvents(tx: DbExecutor, actor: Actor, caseId: string, firstSeq: number, events: readonly PushedEvent[]) {
  const rows = events.map((event, index) => ({
    id: newId(Date.parse(event.occurredAt)),
    case_id: caseId,
    seq: firstSeq + index,
    type: event.type,
    step_key: null,
    actor_kind: 'system',
    actor_user_id: null,
    actor_name: actor.name,
    actor_unit_id: actor.unitId,
    occurred_at: new Date(Date.parse(event.occurredAt)).toISOString(),
    occurred_on: chinaDateOf(new Date(Date.parse(event.occurredAt))),
    detail: JSON.stringify(eventDetail(event)),
  }));
  await insertCaseEvents(tx, rows);
  return rows;
}

/** Creates or brings up to date the platform's copy of a pushed case. */
export async function pushCase(deps: ServicesDeps, system: SystemRow, input: PushedCase) {
  const now = deps.now();
  const actor: Actor = { ...systemActor(`外部系统：${system.name}`), unitId: system.unit_id };
  const folded = foldPushedHistory(input.submittedAt, input.events, now);
  return deps.db.transaction().execute(async (tx) => {
    const item = await findUnitItemByCode(tx, system.unit_id, input.itemCode);
    if (!item || !item.published_version_id) throw new AppError('INTAKE_ITEM_UNKNOWN', { code: input.itemCode });
    const version = await findVersionById(tx, item.published_version_id);
    if (!version) throw new AppError('INTAKE_ITEM_UNKNOWN', { code: input.itemCode });
    const { process } = readVersionBody(version);
    const existing = await findPushedCase(tx, system.id, input.externalCaseId);
    let row: CaseRow;
    let fresh: PushedEvent[];
    let result: 'created' | 'updated' | 'unchanged';
    const changes = {
      status: folded.status, outcome: folded.outcome, accepted_at: folded.acceptedAt, decided_at: folded.decidedAt, concluded_at: folded.endedAt, supplement_count: folded.supplementCount,
      fine_amount: folded.fine?.amount ?? null, penalty_circumstance: folded.fine?.circumstance ?? null, updated_at: toTimestamp(now),
    };
    if (existing) {
      if (existing.item_id !== item.id || existing.applicant_id_number !== input.applicant.idNumber) throw new AppError('INTAKE_CASE_MISMATCH');
      const known = (await findCaseEvents(tx, existing.id)).slice(1);
      const same = known.every((event, index) => event.type === input.events[index]?.type && event.occurred_at === new Date(Date.parse(input.events[index]?.occurredAt ?? '')).toISOString());
      if (known.length > input.events.length || !same) throw new AppError('INTAKE_HISTORY_CHANGED');
      fresh = input.events.slice(known.length);
      result = fresh.length === 0 ? 'unchanged' : 'updated';
      if (fresh.length > 0) {
        if (!(await updateCaseAtVersion(tx, existing.id, existing.version, changes))) throw new AppError('CASE_CONFLICT', { current: existing.version + 1 });
        await appendEvents(tx, actor, existing.id, known.length + 2, fresh);
      }
      row = existing;
    } else {
      const id = newId(now.getTime());
      const unit = await findUnitFacts(tx, item.unit_id);
      const caseNumber = await assignCaseNumber(tx, item.unit_id, unit?.creditCode ?? null, chinaDateOf(new Date(Date.parse(input.submittedAt))));
      const stamp = toTimestamp(now);
      row = {
        id, case_number: caseNumber, query_code: String(randomInt(0, 1_000_000)).padStart(6, '0'), item_id: item.id, item_version_id: version.id, unit_id: item.unit_id, intake_unit_id: system.unit_id, channel: 'pushed',
        applicant_user_id: null, applicant_kind: input.applicant.kind, applicant_name: input.applicant.name, applicant_id_number: input.applicant.idNumber, applicant_phone: input.applicant.phone ?? null, applicant_email: null,
        form_data: JSON.stringify(input.form), current_step_key: null, case_kind: item.case_kind, promised_days: item.promised_days ?? 0, statutory_days: null, submitted_at: new Date(Date.parse(input.submittedAt)).toISOString(),
        case_deadline: null, step_deadline: null, time_state: 'not_started', remaining_days: null, next_check_on: null, handler_user_id: null, version: 1, submission_key: null,
        external_system_id: system.id, external_case_id: input.externalCaseId, created_at: stamp, ended_on: null, ended_late: null, used_days: null, ...changes,
      };
      await insertCase(tx, row);
      await appendEvents(tx, actor, id, 1, [{ type: 'submitted', occurredAt: input.submittedAt } as unknown as PushedEvent]);
      fresh = input.events;
      await appendEvents(tx, actor, id, 2, fresh);
      result = 'created';
    }
    const clock = await refreshCaseClock(tx, deps.calendar(), row, process, now);
    const topics = result === 'created' ? ['submitted', ...fresh.map((event) => event.type)] : fresh.map((event) => event.type);
    for (const topic of topics) await publishEvent(tx, `case.${topic}`, { caseId: row.id, caseNumber: row.case_number, itemId: item.id, unitId: item.unit_id, channel: 'pushed', externalSystemId: system.id }, { unitId: item.unit_id }, now);
    await updateExternalSystem(tx, system.id, { last_used_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'services.case.push', subjectType: 'case', subjectId: row.id, detail: `${result}: ${system.name} ${input.externalCaseId}`, after: { events: fresh.length } }, now);
    return { caseId: row.id, caseNumber: row.case_number, result, status: folded.status, caseDeadline: clock.caseDeadline, timeState: clock.timeState };
  });
}
