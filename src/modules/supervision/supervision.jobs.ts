// Time-driven supervision: a deadline crosses a threshold on a day, not with an event, so a periodic job
// looks at exactly the subjects whose stored next check day has come (an index on next_check_on), evaluates
// each from its stored deadlines and stores its next day. Its cost follows the crossings, not the subjects.
import { definePeriodicJob, defineJob, type JobDefinition, type PeriodicJobDefinition } from '../../core/jobs/index.ts';
import { z } from 'zod';
import { todayInChina } from '../../core/calendar/working-days.ts';
import { CASE_SUBJECT, reevaluateAllCases } from './case-subjects.ts';
import { reevaluateAllItems } from './item-subjects.ts';
import { deliverDueReports } from './reporting.service.ts';
import { evaluateDueSubjects, evaluateStoredSubjects, loadRules } from './supervision-evaluation.ts';
import { findSubjectsAfter, findSubjectsDue } from './supervision.repository.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const BATCH = 500;
/** Subjects evaluated per transaction by the sweep: big enough to amortise the reads, small enough to keep locks short. */
const CHUNK = 100;

export interface SweepCounts {
  looked: number;
  raised: number;
  resolved: number;
}

/** Evaluates every subject whose check day has come, until none is left; returns what it did. */
export async function sweepDueSubjects(deps: SupervisionDeps): Promise<SweepCounts> {
  const counts: SweepCounts = { looked: 0, raised: 0, resolved: 0 };
  for (;;) {
    const now = deps.now();
    const due = await findSubjectsDue(deps.db, todayInChina(now), BATCH);
    if (due.length === 0) return counts;
    const calendar = deps.calendar();
    let progressed = 0;
    for (const type of new Set(due.map((subject) => subject.subject_type))) {
      const rules = await loadRules(deps.db, type);
      const ids = due.filter((subject) => subject.subject_type === type).map((subject) => subject.subject_id);
      for (let offset = 0; offset < ids.length; offset += CHUNK) {
        const chunk = ids.slice(offset, offset + CHUNK);
        const outcome = await deps.db.transaction().execute((tx) => evaluateDueSubjects(tx, calendar, type, chunk, rules, now));
        counts.looked += chunk.length;
        progressed += outcome.evaluated;
        counts.raised += outcome.raised;
        counts.resolved += outcome.resolved;
      }
    }
    // Every subject evaluated moved its check day forward or left; a batch with no progress at all (the clock
    // stood still while another node did the work) ends the sweep instead of spinning.
    if (due.length < BATCH || progressed === 0) return counts;
  }
}

export const REEVALUATE_ALL_JOB = 'supervision.reevaluateAll';

const reevaluateAllSchema = z.object({}).strict();

/**
 * Re-evaluates every watched subject other than cases (supervision tasks, complaints, what other modules add)
 * from the deadlines stored at its last event, a page of each type at a time; returns how many.
 */
export async function reevaluateStoredSubjects(deps: SupervisionDeps, pageSize = 500): Promise<number> {
  let after = { type: '', id: '' };
  let count = 0;
  const rulesByType = new Map<string, SupervisionRuleRow[]>();
  for (;;) {
    const page = await findSubjectsAfter(deps.db, CASE_SUBJECT, after, pageSize);
    if (page.length === 0) return count;
    const calendar = deps.calendar();
    for (const type of new Set(page.map((row) => row.subject_type))) {
      let rules = rulesByType.get(type);
      if (!rules) rulesByType.set(type, (rules = await loadRules(deps.db, type)));
      const ids = page.filter((row) => row.subject_type === type).map((row) => row.subject_id);
      await deps.db.transaction().execute((tx) => evaluateStoredSubjects(tx, calendar, type, ids, rules, deps.now()));
    }
    count += page.length;
    const last = page[page.length - 1]!;
    after = { type: last.subject_type, id: last.subject_id };
  }
}

/** `supervision.reevaluateAll`: every running case, every other watched subject and every published item's guide evaluated again (after a calendar or rule change). */
export function defineReevaluateAllJob(deps: SupervisionDeps): JobDefinition<typeof reevaluateAllSchema> {
  return defineJob({
    name: REEVALUATE_ALL_JOB,
    schema: reevaluateAllSchema,
    maxAttempts: 3,
    leaseSeconds: 1800,
    run: async () => {
      await reevaluateAllCases(deps);
      await reevaluateStoredSubjects(deps);
      await reevaluateAllItems(deps);
    },
  });
}

/** Supervision's one-off jobs. */
export function defineSupervisionJobs(deps: SupervisionDeps): JobDefinition[] {
  return [defineReevaluateAllJob(deps)];
}

/** Supervision's periodic jobs: the sweep, every 30 seconds, so a crossing is found within a minute of midnight; reporting upward, when configured. */
export function defineSupervisionPeriodicJobs(deps: SupervisionDeps): PeriodicJobDefinition[] {
  const jobs = [definePeriodicJob({ name: 'supervision.sweepDueSubjects', everySeconds: 30, run: async () => void (await sweepDueSubjects(deps)) })];
  if (deps.reporting) jobs.push(definePeriodicJob({ name: 'supervision.reportUpward', everySeconds: 10, run: async () => void (await deliverDueReports(deps)) }));
  return jobs;
}
