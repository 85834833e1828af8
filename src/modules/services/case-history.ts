// Turns a case's stored event history into the facts its clocks need and the state the engine
// needs. Pure, so the deadline of any case can be recomputed and explained from its history alone.
import { todayInChina } from '../../core/calendar/working-days.ts';
import type { ClockEntry } from './case-clock.ts';
import type { EngineCase, EngineTask } from './case-engine.ts';
import { SPECIAL_PROCEDURES, type ProcessDefinition, type SpecialProcedure } from './process.schema.ts';
import type { CaseEventRow, CaseRow, CaseTaskRow } from './services.tables.ts';

function detailOf(event: Pick<CaseEventRow, 'detail'>): Record<string, unknown> {
  return event.detail ? (JSON.parse(event.detail) as Record<string, unknown>) : {};
}

/** The clock facts of a history: steps entered, acceptance, pauses and their ends, the stop. */
/** The clock's facts from the history; pause labels in `language` (for the explanation). */
export function clockEntriesOf(events: readonly CaseEventRow[], process: ProcessDefinition, language: 'zh' | 'en' = 'zh'): ClockEntry[] {
  const entries: ClockEntry[] = [];
  const stepEntry = (stepKey: string, on: string) => {
    const step = process.steps.find((candidate) => candidate.key === stepKey);
    if (step) entries.push({ kind: 'step', on, stepKey: step.key, stepName: step.name, limitDays: step.limitDays });
  };
  for (const event of events) {
    const on = event.occurred_on;
    const detail = detailOf(event);
    switch (event.type) {
      case 'submitted':
      case 'registered':
        if (process.steps[0]) stepEntry(process.steps[0].key, on);
        break;
      case 'accepted':
        entries.push({ kind: 'start', on });
        break;
      case 'supplement_requested':
        entries.push({ kind: 'pause', on, reason: 'supplement', label: language === 'en' ? 'Supplementing materials' : '补正材料' });
        break;
      case 'suspended': {
        const procedure = detail.procedure as SpecialProcedure;
        entries.push({ kind: 'pause', on, reason: 'special_procedure', label: SPECIAL_PROCEDURES[procedure]?.[language] ?? (language === 'en' ? 'Special procedure' : '特别程序'), maxDays: typeof detail.maxDays === 'number' ? detail.maxDays : null });
        break;
      }
      case 'supplemented':
      case 'resumed':
        entries.push({ kind: 'resume', on });
        break;
      case 'concluded':
      case 'refused':
      case 'withdrawn':
        entries.push({ kind: 'stop', on });
        break;
    }
    if (typeof detail.enteredStep === 'string') stepEntry(detail.enteredStep, on);
  }
  return entries;
}

/** The engine's view of a case from its row, open tasks and history. */
export function engineStateOf(row: Pick<CaseRow, 'status' | 'current_step_key' | 'supplement_count'>, openTasks: readonly CaseTaskRow[], events: readonly CaseEventRow[]): EngineCase {
  const tasks: EngineTask[] = openTasks.map((task) => ({ id: task.id, stepKey: task.step_key, kind: task.kind, unitId: task.unit_id, touched: task.touched_at !== null }));
  // 撤回 is possible only when the newest event is the hand-over itself.
  const last = events.at(-1);
  const lastDetail = last ? detailOf(last) : {};
  const lastHandOver = last && last.type === 'forwarded' && last.step_key && typeof lastDetail.enteredStep === 'string'
    ? { byUserId: last.actor_user_id, fromStepKey: last.step_key, toStepKey: lastDetail.enteredStep }
    : null;
  let statusBeforePause: EngineCase['statusBeforePause'] = null;
  if (row.status === 'supplementing') statusBeforePause = events.some((event) => event.type === 'accepted') ? 'in_progress' : 'submitted';
  return { status: row.status, currentStepKey: row.current_step_key, supplementCount: row.supplement_count, openTasks: tasks, lastHandOver, statusBeforePause };
}

/** Today's date in China for a moment (cases count in China calendar days). */
export function chinaDateOf(moment: Date): string {
  return todayInChina(moment);
}
