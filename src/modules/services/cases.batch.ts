// Batch approval of on-the-spot cases (即办件) waiting at the window: each case is accepted and
// approved in its own transactions, so one case that changed meanwhile does not hold up the rest.
import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { actOnCase, type CaseDeps } from './cases.service.ts';
import { findCaseById } from './cases.repository.ts';

export interface BatchResult {
  caseId: string;
  ok: boolean;
  code: string | null;
  message: string | null;
}

/** Accepts and approves each listed 即办件 at the version the actor saw; reports each case's outcome. */
export async function batchApprove(deps: CaseDeps, actor: Actor, input: { cases: Array<{ caseId: string; version: number }>; opinion: string }, describe: (error: AppError) => string): Promise<BatchResult[]> {
  const results: BatchResult[] = [];
  for (const entry of input.cases) {
    try {
      const row = await findCaseById(deps.db, entry.caseId);
      if (!row) throw new AppError('CASE_NOT_FOUND');
      if (row.case_kind !== 'immediate') throw new AppError('CASE_NOT_IMMEDIATE');
      let version = entry.version;
      if (row.status === 'submitted') version = (await actOnCase(deps, actor, entry.caseId, version, { action: 'accept', opinion: input.opinion })).version;
      await actOnCase(deps, actor, entry.caseId, version, { action: 'approve', opinion: input.opinion });
      results.push({ caseId: entry.caseId, ok: true, code: null, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ caseId: entry.caseId, ok: false, code: error.code, message: describe(error) });
    }
  }
  return results;
}
