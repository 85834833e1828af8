// Cases as supervised subjects. The service hall reports a case's running deadlines; this file turns them
// into the engine's subject and evaluates it, right after a case event commits (the outbox subscriber) and
// when every running case is re-evaluated from scratch (after a calendar or rule change).
import type { DbExecutor } from '../../core/db/database.ts';
import type { EventHandler } from '../../core/notify/index.ts';
import { describeCaseForSupervision, findRunningCasesForSupervision, type CaseUnderSupervision } from '../services/index.ts';
import { evaluateAfterEvent, type SubjectSnapshot } from './supervision-evaluation.ts';
import type { SupervisionDeps } from './supervision.deps.ts';

export const CASE_SUBJECT = 'case';

function toSnapshot(found: CaseUnderSupervision): SubjectSnapshot {
  return { type: CASE_SUBJECT, id: found.id, unitId: found.unitId, scopeKey: found.itemId, label: found.caseNumber, deadlines: found.deadlines };
}

/** Evaluates one case as it stands now, in the caller's transaction; false when there is no such case. */
export async function evaluateCase(tx: DbExecutor, deps: SupervisionDeps, caseId: string): Promise<boolean> {
  const found = await describeCaseForSupervision(tx, caseId);
  if (!found) return false;
  await evaluateAfterEvent(tx, deps.calendar(), toSnapshot(found), deps.now());
  return true;
}

/**
 * The subscriber on `case.*`: evaluates the case right after the event's transaction committed. A failure
 * throws, so the outbox keeps the event and delivers it again; evaluation is idempotent.
 */
export function caseEventSubscriber(deps: SupervisionDeps): EventHandler {
  return async (_topic, payload) => {
    const caseId = (payload as { caseId?: unknown } | null)?.caseId;
    if (typeof caseId !== 'string') return;
    await deps.db.transaction().execute((tx) => evaluateCase(tx, deps, caseId));
  };
}

/** Re-evaluates every running case from its current deadlines, in pages of `pageSize`; returns how many. */
export async function reevaluateAllCases(deps: SupervisionDeps, pageSize = 500): Promise<number> {
  let afterId = '';
  let count = 0;
  for (;;) {
    const page = await findRunningCasesForSupervision(deps.db, afterId, pageSize);
    if (page.length === 0) return count;
    const calendar = deps.calendar();
    await deps.db.transaction().execute(async (tx) => {
      for (const found of page) await evaluateAfterEvent(tx, calendar, toSnapshot(found), deps.now());
    });
    count += page.length;
    afterId = page[page.length - 1]!.id;
  }
}
