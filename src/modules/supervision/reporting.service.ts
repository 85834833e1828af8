// 数据上报: cases and findings reported to the provincial supervision platform. After a case event or a new
// finding commits, a subscriber stores the report (its snapshot at that moment, keyed by the event's id) in
// the delivery log; a periodic job POSTs what is due in batches, retrying with backoff (30 s doubling, at most
// an hour) until the platform answers 2xx, and gives a report up as dead after its last attempt, for a person
// to retry. Nothing is reported, and nothing stored, when no endpoint is configured.
import type { Actor } from '../../core/auth/actor.ts';
import { widestScope } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { computeRetryDelayMs } from '../../core/jobs/index.ts';
import type { EventHandler } from '../../core/notify/index.ts';
import { findServedCounty } from '../identity/index.ts';
import { describeCaseForReport } from '../services/index.ts';
import { findFindingById } from './findings.repository.ts';
import { findDueReports, findReportById, findReports, insertReportIfNew, markReportFailed, markReportsSent, requeueReport, type ProvincialReportRow, type ReportStatus } from './reporting.repository.ts';
import { REPORT_FORMAT, type Report, type ReportBatch } from './reporting.schema.ts';
import { ruleDefinition } from './supervision-rules.ts';
import { OVERSEE_PERMISSION } from './supervision.policy.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export const MAX_REPORT_ATTEMPTS = 10;
const BATCH = 100;

function newReportRow(id: string, kind: Report['kind'], event: string, subjectId: string, data: unknown, now: Date): ProvincialReportRow {
  const stamp = toTimestamp(now);
  const payload = { reportId: id, kind, event, occurredAt: stamp, data };
  return { id, kind, event, subject_id: subjectId, payload_json: JSON.stringify(payload), status: 'pending', attempts: 0, next_attempt_at: stamp, last_error: null, created_at: stamp, sent_at: null };
}

/** The subscriber that stores a report for each case event and each new finding. */
export function reportingSubscriber(deps: SupervisionDeps): EventHandler {
  return async (topic, payload, event) => {
    const now = deps.now();
    if (topic.startsWith('case.')) {
      const caseId = (payload as { caseId?: unknown } | null)?.caseId;
      if (typeof caseId !== 'string') return;
      const report = await describeCaseForReport(deps.db, caseId);
      if (report) await insertReportIfNew(deps.db, newReportRow(event.id, 'case', topic, caseId, report, now));
      return;
    }
    const findingId = (payload as { findingId?: unknown } | null)?.findingId;
    if (typeof findingId !== 'string') return;
    const row = await findFindingById(deps.db, findingId);
    if (!row) return;
    const data = {
      findingId: row.id, category: row.category, ruleCode: row.rule_code, ruleName: ruleDefinition(row.rule_code)?.name ?? row.rule_code, level: row.level, subjectType: row.subject_type,
      subjectId: row.subject_id, subjectLabel: row.subject_label, unitName: row.unit_name, unitCreditCode: row.unit_credit_code ?? null, dueOn: row.due_on, detail: row.detail ?? '', raisedAt: row.raised_at,
    };
    await insertReportIfNew(deps.db, newReportRow(event.id, 'finding', topic, row.id, data, now));
  };
}

export interface DeliveryCounts {
  sent: number;
  failed: number;
  dead: number;
}

function describeFailure(error: unknown): string {
  return (error instanceof Error ? error.message || error.name : String(error)).slice(0, 500);
}

/** Sends every due report in batches until none is due or a batch fails; returns what happened. */
export async function deliverDueReports(deps: SupervisionDeps): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, failed: 0, dead: 0 };
  const target = deps.reporting;
  if (!target) return counts;
  const county = await findServedCounty(deps.db);
  for (;;) {
    const now = deps.now();
    const due = await findDueReports(deps.db, toTimestamp(now), BATCH);
    if (due.length === 0) return counts;
    const batch: ReportBatch = {
      format: REPORT_FORMAT,
      sender: { platform: 'zhengtong', regionName: county?.name ?? null, regionCode: county?.code ?? null },
      sentAt: toTimestamp(now),
      reports: due.map((row) => JSON.parse(row.payload_json) as Report),
    };
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`provincial platform answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      await markReportsSent(deps.db, due.map((row) => row.id), toTimestamp(deps.now()));
      counts.sent += due.length;
    } catch (error) {
      const message = describeFailure(error);
      await deps.db.transaction().execute(async (tx) => {
        for (const row of due) {
          const attempts = row.attempts + 1;
          const dead = attempts >= MAX_REPORT_ATTEMPTS;
          await markReportFailed(tx, row.id, { status: dead ? 'dead' : 'pending', attempts, next_attempt_at: toTimestamp(now.getTime() + computeRetryDelayMs(attempts)), last_error: message });
          if (dead) counts.dead += 1;
          else counts.failed += 1;
        }
      });
      // The platform is down or refusing: the rest waits for the next run instead of failing again now.
      return counts;
    }
  }
}

function requireReportReader(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  // The delivery log covers the whole county: only overseers granted everything read it.
  if (actor.kind !== 'staff' || widestScope(actor, OVERSEE_PERMISSION) !== 'all') throw new AppError('FORBIDDEN');
}

function present(row: ProvincialReportRow) {
  return {
    id: row.id, kind: row.kind, event: row.event, subjectId: row.subject_id, status: row.status, attempts: row.attempts, nextAttemptAt: row.next_attempt_at, lastError: row.last_error,
    createdAt: row.created_at, sentAt: row.sent_at, payload: JSON.parse(row.payload_json) as unknown,
  };
}

/** A page of the delivery log. */
export async function listReports(deps: SupervisionDeps, actor: Actor, status: ReportStatus | undefined, page: number, pageSize: number) {
  requireReportReader(actor);
  const { items, total } = await findReports(deps.db, status, page, pageSize);
  return { items: items.map(present), total };
}

/** Puts a dead report back in the queue. */
export async function retryReport(deps: SupervisionDeps, actor: Actor, id: string) {
  requireReportReader(actor);
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    if (!(await findReportById(tx, id))) throw new AppError('REPORT_NOT_FOUND');
    if (!(await requeueReport(tx, id, toTimestamp(now)))) throw new AppError('REPORT_NOT_DEAD');
    await recordAudit(tx, actor, { action: 'supervision.report.retry', subjectType: 'provincial_report', subjectId: id }, now);
  });
  return present((await findReportById(deps.db, id))!);
}
