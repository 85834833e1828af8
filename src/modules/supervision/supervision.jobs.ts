// Time-driven supervision: a deadline crosses a threshold on a day, not with an event, so a periodic job
// looks at exactly the subjects whose stored next check day has come (an index on next_check_on), evaluates
// each from its stored deadlines and stores its next day. Its cost follows the crossings, not the subjects.
import { definePeriodicJob, defineJob, type JobDefinition, type PeriodicJobDefinition } from '../../core/jobs/index.ts';
import { z } from 'zod';
import { todayInChina } from '../../core/calendar/working-days.ts';
import { reevaluateAllCases } from './case-subjects.ts';
import { deliverDueReports } from './reporting.service.ts';
import { evaluateWhenDue, loadRules } from './supervision-evaluation.ts';
import { findSubjectsDue } from './supervision.repository.ts';
import type { SupervisionRuleRow } from './supervision.tables.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

const BATCH = 500;

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
    const rulesByType = new Map<string, SupervisionRuleRow[]>();
    let progressed = 0;
    for (const subject of due) {
      let rules = rulesByType.get(subject.subject_type);
      if (!rules) rulesByType.set(subject.subject_type, (rules = await loadRules(deps.db, subject.subject_type)));
      const outcome = await deps.db.transaction().execute((tx) => evaluateWhenDue(tx, calendar, subject.subject_type, subject.subject_id, rules, now));
      counts.looked += 1;
      if (!outcome) continue;
      progressed += 1;
      counts.raised += outcome.raised;
      counts.resolved += outcome.resolved;
    }
    // Every subject of the batch either moved its check day forward or left; a batch with no progress at all
    // (the clock stood still while another node did the work) ends the sweep instead of spinning.
    if (due.length < BATCH || progressed === 0) return counts;
  }
}

export const REEVALUATE_ALL_JOB = 'supervision.reevaluateAll';

const reevaluateAllSchema = z.object({}).strict();

/** `supervision.reevaluateAll`: every running case evaluated again from scratch (after a calendar or rule change). */
export function defineReevaluateAllJob(deps: SupervisionDeps): JobDefinition<typeof reevaluateAllSchema> {
  return defineJob({ name: REEVALUATE_ALL_JOB, schema: reevaluateAllSchema, maxAttempts: 3, leaseSeconds: 1800, run: async () => void (await reevaluateAllCases(deps)) });
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
