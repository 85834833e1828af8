// Cases as supervised subjects. The service hall reports a case's running deadlines and its record; this file
// turns them into the engine's subject and the record checks, right after a case event commits (the outbox
// subscriber) and when every running case is re-evaluated from scratch (after a calendar or rule change).
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { dialectOf, type DbExecutor } from '../../core/db/database.ts';
import { toTimestamp } from '../../core/db/values.ts';
import type { BatchEventHandler, EventHandler } from '../../core/notify/index.ts';
import { findUserPermissions } from '../identity/index.ts';
import { caseStillAtStamp, caseWithRecordForSupervisionAnd, describeCaseWithRecordForSupervision, describeCaseRecordsForSupervision, describeCasesForSupervision, findCaseSupervisionStamps, findRunningCasesForSupervision, type CaseRecordForSupervision, type CaseUnderSupervision } from '../services/index.ts';
import { checkCaseRecord } from './case-checks.ts';
import { createPlatformCache } from './platform-cache.ts';
import { findSecondApproverSteps } from './risk-points.repository.ts';
import { checkRulesFor } from './supervision-rules.ts';
import { createFindingBatch, resolutionEntry, type FindingBatch } from './finding-batch.ts';
import { DEADLINE_ENDED, evaluateAfterEvent, evaluateMany, loadRules, loadRulesCached, planEvaluation, type SubjectSnapshot } from './supervision-evaluation.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import { evaluationWriter, parseWatchedSubject, watchedSubjectAlongside } from './evaluation-writes.repository.ts';
import { analyzeSubjects, lockSubjectOrItsKey, lockSubjectsBetween, lockSubjectsOrTheirKeys } from './supervision.repository.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export const CASE_SUBJECT = 'case';

function toSnapshot(found: CaseUnderSupervision): SubjectSnapshot {
  return { type: CASE_SUBJECT, id: found.id, unitId: found.unitId, scopeKey: found.itemId, label: found.caseNumber, deadlines: found.deadlines };
}

/** Runs the checks of a case's record in force for its item and adds what they find to the batch. */
async function checkRecord(tx: DbExecutor, deps: SupervisionDeps, calendar: WorkingCalendar, snapshot: SubjectSnapshot, checks: ReturnType<typeof checkRulesFor>, record: CaseRecordForSupervision, batch: FindingBatch, deciderPermissions: DeciderPermissions): Promise<void> {
  const registered = await secondApproverStepsOf(deps.db, tx, snapshot.scopeKey ?? '');
  if (registered.length > 0) record.secondApproverStepKeys = [...new Set([...record.secondApproverStepKeys, ...registered])];
  const settings = checks.get('offsystem.backdated')?.settings ?? { maxEntryDelayDays: 1 };
  const deciders = checks.has('legality.decider_role') ? await permissionsOfDeciders(tx, record, deciderPermissions) : undefined;
  for (const violation of checkCaseRecord({ ...record, deciderPermissions: deciders }, calendar, settings)) {
    const rule = checks.get(violation.code);
    if (!rule) continue;
    batch.add(snapshot, { key: `${violation.code}|${snapshot.type}|${snapshot.id}|${violation.occurrence}`, category: violation.code.split('.')[0]!, ruleCode: violation.code, level: rule.level, deadlineKey: null, due: null, detail: violation.detail });
  }
}

// The risk register changes a few times a year and is read after every case event: each platform (keyed by its
// database handle) keeps an item's second-approver steps for a few seconds; the node that changes the register
// forgets them at once.
const riskSteps = createPlatformCache<string[]>(5000);

function secondApproverStepsOf(owner: object, tx: DbExecutor, itemId: string): Promise<string[]> {
  return riskSteps.get(owner, itemId, () => findSecondApproverSteps(tx, itemId));
}

/** Forgets a platform's cached second-approver steps (after it changed the risk register). */
export function forgetRiskSteps(owner: object): void {
  riskSteps.forget(owner);
}

/** Permissions of the people who decided, by user id, read once per evaluation. */
type DeciderPermissions = Map<string, Set<string>>;

// The newest event's decider is looked up right after it committed, so these are the permissions they acted with.
async function permissionsOfDeciders(tx: DbExecutor, record: { events: ReadonlyArray<{ type: string; actorUserId?: string | null | undefined }> }, known: DeciderPermissions): Promise<DeciderPermissions> {
  const newest = record.events.at(-1);
  const permissions: DeciderPermissions = new Map();
  if (newest?.actorUserId && (newest.type === 'decided' || newest.type === 'refused')) {
    let held = known.get(newest.actorUserId);
    if (!held) known.set(newest.actorUserId, (held = await findUserPermissions(tx, newest.actorUserId)));
    permissions.set(newest.actorUserId, held);
  }
  return permissions;
}

/** Evaluates one case as it stands now (deadlines and record), in the caller's transaction; false when there is no such case. */
export async function evaluateCase(tx: DbExecutor, deps: SupervisionDeps, caseId: string): Promise<boolean> {
  // The watched row (or the key of a case not watched yet) is locked before the case is read, so an evaluation
  // that waited for another reads what the other's event left, never an older state.
  const stored = await lockSubjectOrItsKey(tx, CASE_SUBJECT, caseId);
  const read = await describeCaseWithRecordForSupervision(tx, caseId);
  if (!read) return false;
  const { batch } = await evaluateCaseAsRead(tx, deps, read, ({ calendar, snapshot, rules, now, batch: raised }) => evaluateAfterEvent(tx, calendar, snapshot, rules, now, raised, { row: stored }));
  await batch.flush();
  return true;
}

interface CaseTimeliness {
  calendar: WorkingCalendar;
  snapshot: SubjectSnapshot;
  rules: readonly SupervisionRuleRow[];
  now: Date;
  batch: FindingBatch;
}

/**
 * Evaluates a case as read (its facts and record) into a new batch of findings: its deadlines by `timeliness` (the
 * caller's way of reading and writing the watched row), then the checks of its record. The caller writes the batch.
 */
async function evaluateCaseAsRead<T>(db: DbExecutor, deps: SupervisionDeps, read: { found: CaseUnderSupervision; record: CaseRecordForSupervision }, timeliness: (context: CaseTimeliness) => Promise<T>): Promise<{ batch: FindingBatch; now: Date; result: T }> {
  const now = deps.now();
  const calendar = deps.calendar();
  const snapshot = toSnapshot(read.found);
  const rules = await loadRulesCached(deps.db, db, CASE_SUBJECT);
  const batch = createFindingBatch(db, now, deps.db);
  const result = await timeliness({ calendar, snapshot, rules, now, batch });
  const checks = checkRulesFor(rules, snapshot.scopeKey);
  if (checks.size > 0) await checkRecord(db, deps, calendar, snapshot, checks, read.record, batch, new Map());
  return { batch, now, result };
}

// PostgreSQL: an event's evaluation in two statements instead of a transaction's seven or more. The case with its
// record and its watched row (with the row's version and open findings) are read in one, without locks; what they
// conclude is written in one, and only if neither moved meanwhile: the row still at the version read, the case's
// newest row still at the stamp read, both locked by that statement, so what is written was concluded from both as
// they now stand. Otherwise nothing is written and the event is evaluated again. An evaluation that concludes nothing
// changes still runs that check: one that read an older row than another evaluation wrote meanwhile must not let the
// other's conclusion from an older case stand.
const readCaseWithItsWatchedRow = caseWithRecordForSupervisionAnd(watchedSubjectAlongside(CASE_SUBJECT));
const writeCaseEvaluation = evaluationWriter(caseStillAtStamp);

/** A case's evaluation read and worked out without locks, ready to write; 'under lock' when it must be evaluated under lock. */
export type CaseEvaluationAttempt = 'under lock' | { write(): Promise<boolean> };

/**
 * Reads and evaluates a watched case without locks (PostgreSQL); `write()` then writes what it concluded if neither
 * the watched row nor the case moved since, and says whether it did. A case not watched yet (its first event, or
 * one no longer found), or any case on SQLite (one transaction at a time, where a statement costs no round trip),
 * is left to evaluateCase, under lock.
 */
export async function attemptCaseEvaluationWithoutLocks(deps: SupervisionDeps, caseId: string): Promise<CaseEvaluationAttempt> {
  const { db } = deps;
  if (dialectOf(db) !== 'postgres') return 'under lock';
  const read = await readCaseWithItsWatchedRow(db, caseId);
  const watched = read && parseWatchedSubject(read.alongside);
  if (!read || !watched) return 'under lock';
  const { batch, now, result: plan } = await evaluateCaseAsRead(db, deps, read, ({ calendar, snapshot, rules, now: at, batch: raised }) =>
    planEvaluation(calendar, snapshot, rules, at, watched.row, { onHand: watched.openFindings, read: async () => watched.openFindings }, raised),
  );
  const raised = await batch.take();
  const write = {
    subjectType: CASE_SUBJECT, subjectId: caseId, seen: watched.seen, source: { id: caseId, stamp: read.found.stamp }, change: plan.change,
    resolve: { ids: plan.resolve, entries: plan.resolve.map((id) => resolutionEntry(id, DEADLINE_ENDED, now)), at: toTimestamp(now) },
    findings: raised.findings, entries: raised.entries, notices: { messages: JSON.stringify(raised.messages), outbox: JSON.stringify(raised.outbox) },
  };
  return { write: async () => (await writeCaseEvaluation(db, write)).written };
}

// Attempts without locks before an event's evaluation takes turns under lock (evaluateCase): a case that keeps
// moving, or a neighbour that keeps writing its row, is then evaluated in a transaction.
const ATTEMPTS_WITHOUT_LOCKS = 3;

/** Evaluates a case right after one of its events committed: without locks on PostgreSQL when it can, else in a transaction of its own. */
export async function evaluateCaseAfterEvent(deps: SupervisionDeps, caseId: string): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS_WITHOUT_LOCKS; attempt += 1) {
    const prepared = await attemptCaseEvaluationWithoutLocks(deps, caseId);
    if (prepared === 'under lock') break;
    if (await prepared.write()) return;
  }
  await deps.db.transaction().execute((tx) => evaluateCase(tx, deps, caseId));
}

/**
 * Evaluates many cases as they stand now (deadlines and records) in the caller's transaction, in a handful of
 * statements whatever their number: their watched rows (or keys) are locked first (in id order, as every node does), so
 * what is read next is what the last committed event left; then their facts, findings and records are read
 * together, and what changed is written together. Returns how many cases there were.
 */
export async function evaluateCases(tx: DbExecutor, deps: SupervisionDeps, caseIds: readonly string[]): Promise<number> {
  const ids = [...new Set(caseIds)].sort();
  if (ids.length === 0) return 0;
  const now = deps.now();
  const calendar = deps.calendar();
  const rules = await loadRulesCached(deps.db, tx, CASE_SUBJECT);
  const locked = await lockSubjectsOrTheirKeys(tx, CASE_SUBJECT, ids);
  const found = await describeCasesForSupervision(tx, ids);
  const snapshots = found.map(toSnapshot);
  const batch = createFindingBatch(tx, now, deps.db);
  await evaluateMany(tx, calendar, snapshots, rules, now, { locked, readFindingsTogether: true, batch });
  const checked = found.map((entry, index) => ({ entry, snapshot: snapshots[index]!, checks: checkRulesFor(rules, entry.itemId) })).filter((entry) => entry.checks.size > 0);
  const records = await describeCaseRecordsForSupervision(tx, checked.map(({ entry }) => entry));
  const deciders: DeciderPermissions = new Map();
  for (const { entry, snapshot, checks } of checked) await checkRecord(tx, deps, calendar, snapshot, checks, records.get(entry.id)!, batch, deciders);
  await batch.flush();
  return found.length;
}

/**
 * The subscriber on `case.*`: evaluates the case right after the event's transaction committed. A failure
 * throws, so the outbox keeps the event and delivers it again; evaluation is idempotent.
 */
export function caseEventSubscriber(deps: SupervisionDeps): EventHandler {
  return async (_topic, payload) => {
    const caseId = caseIdOf(payload);
    if (caseId) await evaluateCaseAfterEvent(deps, caseId);
  };
}

/**
 * The same subscriber for a claimed batch of events: their cases evaluated together in one transaction (a
 * single case takes the lone event's path).
 */
export function caseEventBatchSubscriber(deps: SupervisionDeps): BatchEventHandler {
  return async (events) => {
    const caseIds = [...new Set(events.map((delivered) => caseIdOf(delivered.payload)).filter((id): id is string => id !== null))];
    if (caseIds.length === 1) await evaluateCaseAfterEvent(deps, caseIds[0]!);
    else if (caseIds.length > 1) await deps.db.transaction().execute((tx) => evaluateCases(tx, deps, caseIds));
  };
}

function caseIdOf(payload: unknown): string | null {
  const caseId = (payload as { caseId?: unknown } | null)?.caseId;
  return typeof caseId === 'string' ? caseId : null;
}

/**
 * Re-evaluates the deadlines of every running case from scratch, in pages of `pageSize`; returns how many.
 * The record checks are not repeated: a record changes only with an event, which checks it.
 */
export async function reevaluateAllCases(deps: SupervisionDeps, pageSize = 1000): Promise<number> {
  const rules = await loadRules(deps.db, CASE_SUBJECT);
  return dialectOf(deps.db) === 'postgres' ? reevaluatePagesTwoAtOnce(deps, rules, pageSize) : reevaluatePagesInTurn(deps, rules, pageSize);
}

// Embedded SQLite has one connection and runs one transaction at a time, so reading ahead gains nothing: each
// page is read inside its own transaction, where no event can change it before the page is written.
async function reevaluatePagesInTurn(deps: SupervisionDeps, rules: readonly SupervisionRuleRow[], pageSize: number): Promise<number> {
  let count = 0;
  let afterId = '';
  for (;;) {
    const calendar = deps.calendar();
    const page = await deps.db.transaction().execute(async (tx) => {
      const found = await findRunningCasesForSupervision(tx, afterId, pageSize);
      await evaluateMany(tx, calendar, found.map(toSnapshot), rules, deps.now());
      return found;
    });
    if (page.length === 0) return count;
    count += page.length;
    afterId = page[page.length - 1]!.id;
  }
}

// On PostgreSQL the next page is read while this one is evaluated and written, and two pages are evaluated at
// once, each in its own transaction on its own connection, so this process evaluates one page while the database
// writes the other; their rows are disjoint. A page is thus read before its transaction: reevaluateCasePage.
async function reevaluatePagesTwoAtOnce(deps: SupervisionDeps, rules: readonly SupervisionRuleRow[], pageSize: number): Promise<number> {
  let count = 0;
  const inFlight = new Set<Promise<unknown>>();
  const failures: unknown[] = [];
  let next = findRunningCasesForSupervision(deps.db, '', pageSize);
  for (;;) {
    const page = await next.catch((error: unknown) => (failures.push(error), []));
    if (page.length === 0 || failures.length > 0) break;
    next = findRunningCasesForSupervision(deps.db, page[page.length - 1]!.id, pageSize);
    const calendar = deps.calendar();
    const job: Promise<unknown> = deps.db
      .transaction()
      .execute((tx) => reevaluateCasePage(tx, deps, calendar, page, rules))
      .catch((error: unknown) => void failures.push(error))
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    // The first page written, the planner learns what the watched rows look like (analyzeSubjects).
    if (count === 0) await job.then(() => analyzeSubjects(deps.db));
    count += page.length;
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all([...inFlight, next.catch(() => undefined)]);
  if (failures.length > 0) throw failures[0];
  return count;
}

/**
 * Re-evaluates a page of cases read before this transaction. Their watched rows are locked first; then each
 * case's stamp is read again, and a case an event moved on since the page was read is described afresh, so an
 * event's newer state is never overwritten with the page's older one, nor a deadline still running taken for
 * stopped. A case with no watched row yet is stored only if none was written meanwhile: an event evaluation
 * that did so read the case after it had moved on.
 */
export async function reevaluateCasePage(tx: DbExecutor, deps: SupervisionDeps, calendar: WorkingCalendar, page: readonly CaseUnderSupervision[], rules: readonly SupervisionRuleRow[]): Promise<void> {
  if (page.length === 0) return;
  // The page is in id order: its rows and stamps are read as ranges of the key, not lists of a thousand ids.
  const [firstId, lastId] = [page[0]!.id, page[page.length - 1]!.id];
  const locked = await lockSubjectsBetween(tx, CASE_SUBJECT, firstId, lastId);
  const stamps = await findCaseSupervisionStamps(tx, firstId, lastId);
  const moved = page.filter((found) => stamps.get(found.id) !== found.stamp).map((found) => found.id);
  const current = moved.length > 0 ? new Map((await describeCasesForSupervision(tx, moved)).map((found) => [found.id, found])) : null;
  const cases = current ? page.flatMap((found) => (stamps.get(found.id) === found.stamp ? [found] : (current.get(found.id) ?? []))) : page;
  await evaluateMany(tx, calendar, cases.map(toSnapshot), rules, deps.now(), { locked, keepRowsWrittenMeanwhile: true });
}
