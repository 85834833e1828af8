// 好差评: the applicant rates a case once after it ended; a bad rating (不满意, 非常不满意) opens a
// rectification record for the unit, due in 5 working days by default (a setting), with the
// call-back, the result and the reply the applicant reads.
import type { Actor } from '../../core/auth/actor.ts';
import { hasPermission } from '../../core/auth/actor.ts';
import { resolveDataScope } from '../../core/auth/data-scope.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { publishEvent } from '../../core/notify/index.ts';
import { readSetting } from '../../core/settings/settings.repository.ts';
import { chinaDateOf } from './case-history.ts';
import { findCaseById } from './cases.repository.ts';
import { DEFAULT_RATING_POLICY, RATING_POLICY_SETTING, ratingPolicySchema, type RectificationView } from './ratings.schema.ts';
import { findRatingOfCase, findRectificationById, findRectificationOfCase, findRectifications, insertRating, insertRectification, updateRectification } from './ratings.repository.ts';
import { RATING_LEVELS, type RatingLevel } from './service-catalogue.ts';
import { isInScope } from './services.policy.ts';
import type { ServicesDeps } from './services.deps.ts';

const BAD_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];

type RectificationRow = NonNullable<Awaited<ReturnType<typeof findRectificationById>>>;

function presentRectification(row: RectificationRow, today: string): RectificationView {
  const level = row.level as RatingLevel;
  return {
    id: row.id, caseId: row.case_id, caseNumber: row.case_number, itemName: row.item_name, unitName: row.unit_name, applicantName: row.applicant_name, applicantPhone: row.applicant_phone,
    level, levelName: RATING_LEVELS[level].zh, comment: row.comment, ratedAt: row.rated_at, status: row.status, dueOn: row.due_on, overdue: row.status === 'open' && today > row.due_on,
    callbackAt: row.callback_at, callbackNote: row.callback_note, result: row.result, replyToApplicant: row.reply_to_applicant, closedAt: row.closed_at,
  };
}

/** The applicant rates an ended case of theirs, once; a bad rating opens the unit's rectification record. */
export async function rateCase(deps: ServicesDeps, actor: Actor, caseId: string, input: { level: RatingLevel; comment: string }): Promise<{ rectificationId: string | null }> {
  const now = deps.now();
  return deps.db.transaction().execute(async (tx) => {
    const row = await findCaseById(tx, caseId);
    if (!row || !actor.userId || row.applicant_user_id !== actor.userId) throw new AppError('CASE_NOT_FOUND');
    if (row.status !== 'concluded' && row.status !== 'refused') throw new AppError('RATING_NOT_YET');
    if (await findRatingOfCase(tx, caseId)) throw new AppError('RATING_EXISTS');
    const stamp = toTimestamp(now);
    const ratingId = newId(now.getTime());
    await insertRating(tx, { id: ratingId, case_id: caseId, rated_by: actor.userId, level: input.level, score: RATING_LEVELS[input.level].score, comment: input.comment, unit_id: row.unit_id, created_at: stamp });
    await publishEvent(tx, 'case.rated', { caseId, caseNumber: row.case_number, unitId: row.unit_id, level: input.level }, { unitId: row.unit_id }, now);
    let rectificationId: string | null = null;
    if (BAD_LEVELS.includes(input.level)) {
      const stored = ratingPolicySchema.safeParse(await readSetting(tx, RATING_POLICY_SETTING));
      const days = stored.success ? stored.data.rectificationDays : DEFAULT_RATING_POLICY.rectificationDays;
      rectificationId = newId(now.getTime());
      const dueOn = deps.calendar().addWorkingDays(chinaDateOf(now), days);
      await insertRectification(tx, { id: rectificationId, case_id: caseId, rating_id: ratingId, unit_id: row.unit_id, status: 'open', due_on: dueOn, created_at: stamp, updated_at: stamp });
      await publishEvent(tx, 'rectification.opened', { rectificationId, caseId, unitId: row.unit_id, dueOn }, { unitId: row.unit_id }, now);
    }
    await recordAudit(tx, actor, { action: 'services.case.rate', subjectType: 'case', subjectId: caseId, after: { level: input.level, rectificationId } }, now);
    return { rectificationId };
  });
}

/** The applicant's view of their rating and the unit's reply, or null before rating. */
export async function findRatingForApplicant(deps: ServicesDeps, caseId: string) {
  const rating = await findRatingOfCase(deps.db, caseId);
  if (!rating) return null;
  const rectification = await findRectificationOfCase(deps.db, caseId);
  const level = rating.level as RatingLevel;
  return { level, levelName: RATING_LEVELS[level].zh, comment: rating.comment, ratedAt: rating.created_at, reply: rectification?.status === 'done' ? rectification.reply_to_applicant : null };
}

function requireReadable(actor: Actor) {
  if (actor.kind !== 'staff' || !hasPermission(actor, 'services.cases.read')) throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return resolveDataScope(actor, 'services.cases.read');
}

/** A page of rectification records the actor's unit (or scope) has to handle. */
export async function listRectifications(deps: ServicesDeps, actor: Actor, filter: { status?: 'open' | 'done' | undefined }, page: number, pageSize: number) {
  const scope = requireReadable(actor);
  const { items, total } = await findRectifications(deps.db, scope, filter, page, pageSize);
  const today = chinaDateOf(deps.now());
  return { items: items.map((row) => presentRectification(row, today)), total };
}

async function loadInScope(deps: ServicesDeps, actor: Actor, id: string) {
  const scope = requireReadable(actor);
  const row = await findRectificationById(deps.db, id);
  if (!row || !isInScope(scope, { unitId: row.unit_id, unitPath: row.unit_path, ownerUserId: row.handled_by })) throw new AppError('RECTIFICATION_NOT_FOUND');
  return row;
}

/** One rectification record. */
export async function getRectification(deps: ServicesDeps, actor: Actor, id: string): Promise<RectificationView> {
  return presentRectification(await loadInScope(deps, actor, id), chinaDateOf(deps.now()));
}

/** Records the call-back to the applicant (回访). */
export async function recordCallback(deps: ServicesDeps, actor: Actor, id: string, note: string): Promise<RectificationView> {
  const row = await loadInScope(deps, actor, id);
  if (row.status !== 'open') throw new AppError('RECTIFICATION_CLOSED');
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    await updateRectification(tx, id, { callback_at: toTimestamp(now), callback_note: note, handled_by: actor.userId, updated_at: toTimestamp(now) });
    await recordAudit(tx, actor, { action: 'services.rectification.callback', subjectType: 'rectification', subjectId: id, detail: note }, now);
  });
  return getRectification(deps, actor, id);
}

/** Closes the record with the result and the reply the applicant sees; a call-back must come first. */
export async function closeRectification(deps: ServicesDeps, actor: Actor, id: string, input: { result: string; replyToApplicant: string }): Promise<RectificationView> {
  const row = await loadInScope(deps, actor, id);
  if (row.status !== 'open') throw new AppError('RECTIFICATION_CLOSED');
  if (!row.callback_at) throw new AppError('RECTIFICATION_CALLBACK_FIRST');
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const stamp = toTimestamp(now);
    await updateRectification(tx, id, { status: 'done', result: input.result, reply_to_applicant: input.replyToApplicant, handled_by: actor.userId, closed_at: stamp, updated_at: stamp });
    await publishEvent(tx, 'rectification.closed', { rectificationId: id, caseId: row.case_id, unitId: row.unit_id, late: chinaDateOf(now) > row.due_on }, { unitId: row.unit_id }, now);
    await recordAudit(tx, actor, { action: 'services.rectification.close', subjectType: 'rectification', subjectId: id, after: input }, now);
  });
  return getRectification(deps, actor, id);
}
