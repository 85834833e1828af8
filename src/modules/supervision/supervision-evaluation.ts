// Evaluating one supervised subject and recording what it raised, inside the caller's transaction. Both ways
// a subject is looked at end here: right after one of its events commits (with its current deadlines from
// the module that owns it) and when its stored next check day comes (with the deadlines stored at the last
// evaluation, which only an event can change). Evaluations of one subject take turns on its row's lock, and
// a finding's key is unique, so retries, a crash half-way and two nodes at once raise each finding once.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { todayInChina } from '../../core/calendar/working-days.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { createFindingBatch, resolveFinding, type FindingBatch, type NewFinding } from './finding-batch.ts';
import { evaluateSubject, findingKey, type StandingFinding, type SupervisedDeadline, type SupervisedSubject, type TimelinessRule } from './supervision-engine.ts';
import { createPlatformCache } from './platform-cache.ts';
import { ruleDefinition, toTimelinessRule } from './supervision-rules.ts';
import {
  deleteSubject,
  findFindingsOfSubject,
  findFindingsOfSubjects,
  lockSubjects,
  saveSubjects,
  type SubjectFindingRow,
  findRulesOfSubjectType,
  insertSubjectsIfAbsent,
  lockSubject,
  saveSubject,
} from './supervision.repository.ts';
import type { SupervisionRuleRow, SupervisionSubjectRow } from './supervision.tables.ts';

/** A subject as its module describes it after an event: who owns it, what to call it, its running deadlines. */
export interface SubjectSnapshot {
  type: string;
  id: string;
  unitId: string;
  scopeKey: string | null;
  label: string;
  deadlines: SupervisedDeadline[];
}

export interface EvaluationOutcome {
  /** How many findings were new (0 when the caller's own batch raises them). */
  raised: number;
  resolved: number;
  nextCheckOn: string | null;
}



/** Loads the rules of a subject type once, for a batch of evaluations. */
export async function loadRules(db: DbExecutor, subjectType: string): Promise<SupervisionRuleRow[]> {
  return findRulesOfSubjectType(db, subjectType);
}

// The rules are read after every case event and change a few times a year: each platform (keyed by its database
// handle) keeps them for a few seconds. The node that changes a rule forgets them at once; other nodes follow
// within 5 s, and the re-evaluation queued by the change reads them afresh.
const cachedRules = createPlatformCache<SupervisionRuleRow[]>(5000);

/** The rules of a subject type, from the short-lived cache of the platform whose database is `owner`. */
export function loadRulesCached(owner: object, tx: DbExecutor, subjectType: string): Promise<SupervisionRuleRow[]> {
  return cachedRules.get(owner, subjectType, () => findRulesOfSubjectType(tx, subjectType));
}

/** Forgets the cached rules of a platform (after it changed one). */
export function forgetCachedRules(owner: object): void {
  cachedRules.forget(owner);
}

/**
 * Re-evaluates a subject after an event, with the deadlines its module reports now and its type's rules.
 * `locked`: the subject's stored row, when the caller locked it before reading what it reports.
 */
export async function evaluateAfterEvent(
  tx: DbExecutor,
  calendar: WorkingCalendar,
  snapshot: SubjectSnapshot,
  rules: readonly SupervisionRuleRow[],
  now: Date,
  batch?: FindingBatch,
  locked?: { row: SupervisionSubjectRow | undefined },
): Promise<EvaluationOutcome> {
  const stored = locked ? locked.row : await lockSubject(tx, snapshot.type, snapshot.id);
  const findings = batch ?? createFindingBatch(tx, now);
  const { outcome, change, resolve } = await planEvaluation(calendar, snapshot, rules, now, stored, { onHand: null, read: () => findFindingsOfSubject(tx, snapshot.type, snapshot.id) }, findings);
  for (const id of resolve) await resolveFinding(tx, id, DEADLINE_ENDED, now);
  if (change === 'delete') await deleteSubject(tx, snapshot.type, snapshot.id);
  else if (change) await saveSubject(tx, change);
  // A caller's own batch is flushed by the caller, with what it adds after.
  if (!batch) outcome.raised = await findings.flush();
  return outcome;
}

export interface EvaluateManyOptions {
  /** The subjects' stored rows, already locked by the caller (absent: locked and read here). */
  locked?: readonly SupervisionSubjectRow[] | undefined;
  /** Read every subject's findings in one statement up front (when most will need them) instead of each its own when needed. */
  readFindingsTogether?: boolean | undefined;
  /** The caller's batch, which the caller flushes (absent: one is made and flushed here). */
  batch?: FindingBatch | undefined;
  /**
   * A subject that had no row is stored only if it still has none when written: for a caller whose snapshots
   * may be older than an event evaluation that creates the row meanwhile (a re-evaluation from scratch).
   */
  keepRowsWrittenMeanwhile?: boolean | undefined;
}

/**
 * Re-evaluates many subjects of one type in the caller's transaction, as after a calendar or rule change:
 * their stored rows and findings are read in two statements and the changed rows written in a few, instead
 * of several statements each.
 */
export async function evaluateMany(tx: DbExecutor, calendar: WorkingCalendar, snapshots: readonly SubjectSnapshot[], rules: readonly SupervisionRuleRow[], now: Date, options: EvaluateManyOptions = {}): Promise<{ raised: number; resolved: number }> {
  const totals = { raised: 0, resolved: 0 };
  if (snapshots.length === 0) return totals;
  const type = snapshots[0]!.type;
  const ids = snapshots.map((snapshot) => snapshot.id);
  const stored = new Map((options.locked ?? (await lockSubjects(tx, type, ids))).map((row) => [row.subject_id, row]));
  // Subjects whose check day has come (the sweep) or that just had an event nearly all have findings that
  // matter: read them together. A re-evaluation from scratch rarely needs any: each reads its own when a
  // deadline stopped, and what stands goes to the batch's insert, which skips keys on record.
  const findings = options.readFindingsTogether ? groupBySubject(await findFindingsOfSubjects(tx, type, ids)) : null;
  const saves: SupervisionSubjectRow[] = [];
  const inserts: SupervisionSubjectRow[] = [];
  const removals: string[] = [];
  const batch = options.batch ?? createFindingBatch(tx, now);
  for (const snapshot of snapshots) {
    const onHand = findings ? (findings.get(snapshot.id) ?? []) : null;
    const read = onHand ? async () => onHand : () => findFindingsOfSubject(tx, type, snapshot.id);
    const { outcome, change, resolve } = await planEvaluation(calendar, snapshot, rules, now, stored.get(snapshot.id), { onHand, read }, batch);
    for (const id of resolve) await resolveFinding(tx, id, DEADLINE_ENDED, now);
    totals.resolved += outcome.resolved;
    if (change === 'delete') removals.push(snapshot.id);
    else if (change) (options.keepRowsWrittenMeanwhile && !stored.has(snapshot.id) ? inserts : saves).push(change);
  }
  await saveSubjects(tx, saves);
  await insertSubjectsIfAbsent(tx, inserts);
  for (const id of removals) await deleteSubject(tx, type, id);
  if (!options.batch) totals.raised = await batch.flush();
  return totals;
}

// A batch evaluates its subjects at one moment (the same Date): its day in China and its timestamp are worked
// out once, not for each of two million subjects.
const moments = new WeakMap<Date, { today: string; stamp: string }>();

function momentOf(now: Date): { today: string; stamp: string } {
  let moment = moments.get(now);
  if (!moment) moments.set(now, (moment = { today: todayInChina(now), stamp: toTimestamp(now) }));
  return moment;
}

// A batch evaluates hundreds of subjects with the same rule rows: their engine form is built once per list.
const timelinessRulesByList = new WeakMap<readonly SupervisionRuleRow[], TimelinessRule[]>();

function timelinessRulesOf(rules: readonly SupervisionRuleRow[]): TimelinessRule[] {
  let built = timelinessRulesByList.get(rules);
  if (!built) timelinessRulesByList.set(rules, (built = rules.filter((rule) => rule.category === 'timeliness').map(toTimelinessRule)));
  return built;
}

function groupBySubject(rows: readonly SubjectFindingRow[]): Map<string, SubjectFindingRow[]> {
  const grouped = new Map<string, SubjectFindingRow[]>();
  for (const row of rows) {
    const list = grouped.get(row.subject_id) ?? [];
    list.push(row);
    grouped.set(row.subject_id, list);
  }
  return grouped;
}

/**
 * Re-evaluates, from the deadlines stored at their last evaluation, those of the given subjects whose check
 * day has come — read again under lock, so a subject an event or another node got to first is left alone.
 */
export async function evaluateDueSubjects(tx: DbExecutor, calendar: WorkingCalendar, subjectType: string, subjectIds: readonly string[], rules: readonly SupervisionRuleRow[], now: Date): Promise<{ evaluated: number; raised: number; resolved: number }> {
  const today = todayInChina(now);
  const due = (await lockSubjects(tx, subjectType, subjectIds)).filter((row) => row.next_check_on !== null && row.next_check_on <= today);
  return { evaluated: due.length, ...(await evaluateMany(tx, calendar, due.map(snapshotOfStoredRow), rules, now, { locked: due, readFindingsTogether: true })) };
}

/**
 * Re-evaluates the given subjects from the deadlines stored at their last evaluation, read again under lock (what
 * the caller read before may be older than an event evaluated since); a subject no longer watched is left out.
 */
export async function evaluateStoredSubjects(tx: DbExecutor, calendar: WorkingCalendar, subjectType: string, subjectIds: readonly string[], rules: readonly SupervisionRuleRow[], now: Date): Promise<void> {
  const locked = await lockSubjects(tx, subjectType, subjectIds);
  await evaluateMany(tx, calendar, locked.map(snapshotOfStoredRow), rules, now, { locked });
}

/** A watched subject as its stored row describes it: the deadlines its module reported at its last evaluation. */
function snapshotOfStoredRow(row: SupervisionSubjectRow): SubjectSnapshot {
  return { type: row.subject_type, id: row.subject_id, unitId: row.unit_id, scopeKey: row.scope_key, label: row.label, deadlines: JSON.parse(row.deadlines_json) as SupervisedDeadline[] };
}

/** The note in a finding's history when the deadline that raised it stopped running. */
export const DEADLINE_ENDED = '时限已结束';

/** What evaluating a subject concluded, for its caller to write. */
export interface EvaluationPlan {
  outcome: EvaluationOutcome;
  /** How the subject's stored row must change: a new row, 'delete' (nothing runs any more) or null (as it was). */
  change: SupervisionSubjectRow | 'delete' | null;
  /** The findings to mark resolved (DEADLINE_ENDED): what a finished deadline raised. */
  resolve: string[];
}

/**
 * Evaluates a subject: adds to the batch what stands and is not on record yet, and says which findings a finished
 * deadline raised (to resolve) and how the subject's stored row must change. Writes nothing itself (`findings.read`
 * only reads).
 */
export async function planEvaluation(
  calendar: WorkingCalendar,
  snapshot: SubjectSnapshot,
  rules: readonly SupervisionRuleRow[],
  now: Date,
  stored: SupervisionSubjectRow | undefined,
  findings: { onHand: readonly SubjectFindingRow[] | null; read: () => Promise<readonly SubjectFindingRow[]> },
  batch: FindingBatch,
): Promise<EvaluationPlan> {
  const { today, stamp } = momentOf(now);
  const subject: SupervisedSubject = { type: snapshot.type, id: snapshot.id, scopeKey: snapshot.scopeKey, deadlines: snapshot.deadlines };
  const timelinessRules = timelinessRulesOf(rules);
  const evaluation = evaluateSubject(calendar, subject, timelinessRules, today);
  const running = new Set(snapshot.deadlines.map((deadline) => deadline.key));
  const deadlinesJson = JSON.stringify(snapshot.deadlines);
  // The subject's findings must be read only when a deadline stored at the last evaluation has stopped running
  // (resolve what it raised; older deadlines were resolved when they stopped). What stands goes to the batch,
  // whose insert skips keys on record: an event's evaluation needs no read for it. Findings already on hand (a
  // batch reads its subjects' together) spare the insert the keys on record.
  const stoppedDeadline = stored !== undefined && stored.deadlines_json !== deadlinesJson && (JSON.parse(stored.deadlines_json) as SupervisedDeadline[]).some((deadline) => !running.has(deadline.key));
  const existing = stoppedDeadline ? await findings.read() : (findings.onHand ?? []);
  const known = new Set(existing.map((finding) => finding.finding_key));

  for (const finding of evaluation.findings) {
    const key = findingKey(finding);
    if (known.has(key)) continue;
    const fresh: NewFinding = { key, category: 'timeliness', ruleCode: finding.ruleCode, level: finding.level, deadlineKey: finding.deadlineKey, due: finding.due, detail: describeFinding(finding) };
    batch.add(snapshot, fresh);
  }

  // A deadline that is no longer running (the step was done, the case ended) resolves what it raised.
  const resolve = existing.filter((finding) => finding.category === 'timeliness' && finding.resolved_at === null && finding.deadline_key !== null && !running.has(finding.deadline_key)).map((finding) => finding.id);

  const outcome = { raised: 0, resolved: resolve.length, nextCheckOn: evaluation.nextCheckOn };
  if (snapshot.deadlines.length === 0) return { outcome, resolve, change: stored ? 'delete' : null };
  // Most events leave a subject's deadlines and next check day as they were: then there is nothing to write.
  const unchanged = stored && stored.deadlines_json === deadlinesJson && stored.next_check_on === evaluation.nextCheckOn && stored.unit_id === snapshot.unitId && stored.label === snapshot.label && stored.scope_key === snapshot.scopeKey;
  if (unchanged) return { outcome, resolve, change: null };
  return {
    outcome,
    resolve,
    change: { subject_type: snapshot.type, subject_id: snapshot.id, unit_id: snapshot.unitId, scope_key: snapshot.scopeKey, label: snapshot.label, deadlines_json: deadlinesJson, next_check_on: evaluation.nextCheckOn, evaluated_at: stamp },
  };
}

/** One line saying what a finding is, in Chinese (the history and the notices use it). */
export function describeFinding(finding: Pick<StandingFinding, 'ruleCode' | 'level' | 'due'>): string {
  const rule = ruleDefinition(finding.ruleCode);
  const what = rule?.name ?? finding.ruleCode;
  if (finding.level === 'warning') return `${what}即将到期（${finding.due}）`;
  if (finding.level === 'yellow') return `${what}已超期（期限 ${finding.due}）`;
  return `${what}严重超期（期限 ${finding.due}）`;
}
