// The state a pushed history leads to, checked the way the case engine would: a department's
// system may report only transitions the platform itself would allow, in time order.
import { AppError } from '../../core/errors/app-error.ts';
import type { PushedEvent } from './intake.schema.ts';
import type { CaseOutcome, CaseStatus } from './services.tables.ts';

const NEXT: Record<CaseStatus, readonly PushedEvent['type'][]> = {
  submitted: ['accepted', 'refused', 'supplement_requested', 'withdrawn'],
  supplementing: ['supplemented', 'withdrawn'],
  in_progress: ['supplement_requested', 'suspended', 'decided', 'concluded', 'withdrawn'],
  suspended: ['resumed', 'withdrawn'],
  concluded: [],
  refused: [],
  withdrawn: [],
};

export interface FoldedHistory {
  status: CaseStatus;
  outcome: CaseOutcome | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  endedAt: string | null;
  supplementCount: number;
  fine: { amount: number; circumstance: string | null } | null;
}

/** Folds a pushed history into the case's state; INTAKE_HISTORY_INVALID names the first wrong event. */
export function foldPushedHistory(submittedAt: string, events: readonly PushedEvent[], now: Date): FoldedHistory {
  const state: FoldedHistory = { status: 'submitted', outcome: null, acceptedAt: null, decidedAt: null, endedAt: null, supplementCount: 0, fine: null };
  let before: 'submitted' | 'in_progress' = 'submitted';
  let previous = Date.parse(submittedAt);
  const latest = now.getTime() + 5 * 60_000; // tolerate a few minutes of clock skew between systems
  if (previous > latest) throw new AppError('INTAKE_HISTORY_INVALID', { index: 0, problem: '提交时间晚于当前时间' });
  events.forEach((event, index) => {
    const at = Date.parse(event.occurredAt);
    const where = index + 1;
    if (at < previous) throw new AppError('INTAKE_HISTORY_INVALID', { index: where, problem: '时间早于前一事件' });
    if (at > latest) throw new AppError('INTAKE_HISTORY_INVALID', { index: where, problem: '时间晚于当前时间' });
    if (!NEXT[state.status].includes(event.type)) throw new AppError('INTAKE_HISTORY_INVALID', { index: where, problem: `“${state.status}”之后不能有“${event.type}”` });
    if (event.type === 'concluded' && state.outcome === null) throw new AppError('INTAKE_HISTORY_INVALID', { index: where, problem: '办结前须有决定' });
    previous = at;
    const stamp = new Date(at).toISOString();
    switch (event.type) {
      case 'accepted':
        state.status = 'in_progress';
        state.acceptedAt = stamp;
        break;
      case 'refused':
        state.status = 'refused';
        state.outcome = 'refused';
        state.endedAt = stamp;
        break;
      case 'supplement_requested':
        before = state.status === 'in_progress' ? 'in_progress' : 'submitted';
        state.status = 'supplementing';
        state.supplementCount += 1;
        break;
      case 'supplemented':
        state.status = before;
        break;
      case 'suspended':
        state.status = 'suspended';
        break;
      case 'resumed':
        state.status = 'in_progress';
        break;
      case 'decided':
        if (state.outcome !== null) throw new AppError('INTAKE_HISTORY_INVALID', { index: where, problem: '已作出过决定' });
        state.outcome = event.outcome;
        state.decidedAt = stamp;
        if (event.outcome === 'penalized') state.fine = { amount: event.fineAmount ?? 0, circumstance: event.circumstance ?? null };
        break;
      case 'concluded':
        state.status = 'concluded';
        state.endedAt = stamp;
        break;
      case 'withdrawn':
        state.status = 'withdrawn';
        state.outcome = 'withdrawn';
        state.endedAt = stamp;
        break;
    }
  });
  return state;
}
