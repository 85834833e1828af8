// Case clock (办件时限): derives a case's legal time state from its clock history and the
// working-day calendar. Pure: no I/O, no clock reads — `today` comes from the caller.
//
// Semantics (all dates are China calendar dates, YYYY-MM-DD):
// - Day 1 of every limit is the calendar's convention (by default the first working day after the
//   start date). caseDeadline = addWorkingDays(start, promisedDays, pauses); statutoryDeadline
//   likewise with statutoryDays; stepDeadline = addWorkingDays(latest step.on, limitDays, pauses).
// - A pause on day A resumed on day B excludes A+1 … B: the day the notice goes out still counts,
//   and the day the applicant supplies is treated like a new day of receipt. Paused and resumed on
//   the same day excludes nothing. An open pause excludes A+1 onwards.
// - Every pause is given to both clocks. A pause before `start` can only touch the step clock
//   (the case clock counts days after the start), so a supplement requested at the acceptance step
//   pauses that step without special casing.
// - "As of" date: today, or the stop date once stopped. A stop while paused closes the pause on the
//   stop date for counting (the pause is still reported with `to: null`: it was never resumed).
// - Precedence of timeState: stopped > paused (any open pause, even before start) > not_started >
//   overdue (asOf > caseDeadline, by date: a Friday deadline seen on Saturday is overdue with 0
//   overdue working days) > warning (remaining <= warningDays) > normal. A 即办件 (promisedDays 0)
//   is due on its start day, so on that day it follows the same rule (0 <= warningDays → warning).
// - While paused every deadline is unknown (null); remainingDays = promisedDays - usedDays and
//   stepRemainingDays = limitDays - step days used, both possibly negative; stepOverdue is still
//   true when the step's deadline had already passed before the pause began.
// - nextChangeOn follows its definition — the first date after today on which timeState or
//   stepOverdue differs — so a case not yet started but whose step has a limit reports the day the
//   step becomes overdue. It is null when stopped, paused, or when nothing can change any more.
// - A malformed history (dates out of order or after today, resume without pause, pause while
//   paused, second start, entries after stop, bad numbers) is a caller bug: RangeError.
import { addCalendarDays, isValidIsoDate, nthWorkingDayBackFrom, type Pause, type WorkingCalendar } from '../../core/calendar/working-days.ts';
import { explainClock } from './case-clock-explanation.ts';

/** One fact of a case's history that matters to its clocks, as China calendar dates (YYYY-MM-DD). */
export type ClockEntry =
  | { kind: 'start'; on: string }
  | { kind: 'step'; on: string; stepKey: string; stepName: string; limitDays: number | null }
  | { kind: 'pause'; on: string; reason: PauseReason; label: string; maxDays?: number | null }
  | { kind: 'resume'; on: string }
  | { kind: 'stop'; on: string };

export type PauseReason = 'supplement' | 'special_procedure';

export interface ClockInput {
  /** 承诺时限 in working days (0 = 即办件: due the day it starts). */
  promisedDays: number;
  /** 法定时限 in working days. */
  statutoryDays: number | null;
  /** In time order; same-day entries in the order given. */
  entries: readonly ClockEntry[];
  today: string;
  /** The language of the explanation (and of the pause labels the entries carry); Chinese unless asked. */
  language?: 'zh' | 'en';
  /** Warning when remaining working days <= this. */
  warningDays: number;
}

export type TimeState = 'not_started' | 'normal' | 'warning' | 'overdue' | 'paused' | 'stopped';

export interface ClockPause {
  from: string;
  /** Resume date; null while open or when the case stopped without resuming. */
  to: string | null;
  reason: PauseReason;
  label: string;
  /** Working days excluded from the clocks (up to today / the stop date when not resumed). */
  workingDays: number;
}

export interface ClockState {
  timeState: TimeState;
  startedOn: string | null;
  caseDeadline: string | null;
  statutoryDeadline: string | null;
  stepKey: string | null;
  stepDeadline: string | null;
  remainingDays: number | null;
  stepRemainingDays: number | null;
  stepOverdue: boolean;
  usedDays: number | null;
  pauses: ClockPause[];
  pauseOverrun: { label: string; maxDays: number; usedDays: number } | null;
  stoppedOn: string | null;
  concludedLate: boolean | null;
  overdueDays: number;
  nextChangeOn: string | null;
  explanation: string[];
}

export type StepEntry = Extract<ClockEntry, { kind: 'step' }>;

interface PauseRecord {
  from: string;
  to: string | null;
  reason: PauseReason;
  label: string;
  maxDays: number | null;
}

export interface History {
  startedOn: string | null;
  step: StepEntry | null;
  pauses: PauseRecord[];
  openPause: PauseRecord | null;
  stoppedOn: string | null;
  /** Start, steps and pauses (by index into `pauses`) in history order, for the explanation. */
  timeline: Array<{ kind: 'start' } | { kind: 'step'; step: StepEntry } | { kind: 'pause'; index: number }>;
}

function requireDayCount(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`deriveCaseClock: ${what} must be a non-negative integer, got ${String(value)}`);
  }
}

// Replays the entries once, rejecting histories that cannot have happened.
function readHistory(input: ClockInput): History {
  const history: History = { startedOn: null, step: null, pauses: [], openPause: null, stoppedOn: null, timeline: [] };
  let previousOn: string | null = null;
  for (const [index, entry] of input.entries.entries()) {
    const where = `entries[${index}] (${entry.kind} on ${String(entry.on)})`;
    if (!isValidIsoDate(entry.on)) throw new RangeError(`deriveCaseClock: ${where} is not a YYYY-MM-DD date`);
    if (previousOn !== null && entry.on < previousOn) throw new RangeError(`deriveCaseClock: ${where} is out of date order (after ${previousOn})`);
    if (entry.on > input.today) throw new RangeError(`deriveCaseClock: ${where} is after today (${input.today})`);
    if (history.stoppedOn !== null) throw new RangeError(`deriveCaseClock: ${where} comes after the clock stopped on ${history.stoppedOn}`);
    previousOn = entry.on;
    switch (entry.kind) {
      case 'start':
        if (history.startedOn !== null) throw new RangeError(`deriveCaseClock: ${where}: the clock already started on ${history.startedOn}`);
        history.startedOn = entry.on;
        history.timeline.push({ kind: 'start' });
        break;
      case 'step':
        if (entry.limitDays !== null) requireDayCount(entry.limitDays, `${where} limitDays`);
        history.step = entry;
        history.timeline.push({ kind: 'step', step: entry });
        break;
      case 'pause': {
        if (history.openPause !== null) throw new RangeError(`deriveCaseClock: ${where}: already paused since ${history.openPause.from}`);
        const maxDays = entry.maxDays ?? null;
        if (maxDays !== null) requireDayCount(maxDays, `${where} maxDays`);
        const pause: PauseRecord = { from: entry.on, to: null, reason: entry.reason, label: entry.label, maxDays };
        history.timeline.push({ kind: 'pause', index: history.pauses.length });
        history.pauses.push(pause);
        history.openPause = pause;
        break;
      }
      case 'resume':
        if (history.openPause === null) throw new RangeError(`deriveCaseClock: ${where} without an open pause`);
        history.openPause.to = entry.on;
        history.openPause = null;
        break;
      case 'stop':
        history.stoppedOn = entry.on;
        break;
      default:
        throw new RangeError(`deriveCaseClock: entries[${index}] has unknown kind ${JSON.stringify((entry as { kind: unknown }).kind)}`);
    }
  }
  return history;
}

// The calendar's pauses are inclusive excluded spans; ours start the day after the pause notice.
function excludedSpans(history: History): Pause[] {
  const spans: Pause[] = [];
  for (const pause of history.pauses) {
    const end = pause.to ?? history.stoppedOn;
    if (end === pause.from) continue; // paused and resumed (or stopped) the same day: nothing excluded
    spans.push({ from: addCalendarDays(pause.from, 1), to: end });
  }
  return spans;
}

function earliest(dates: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  for (const date of dates) if (date !== null && (best === null || date < best)) best = date;
  return best;
}

export function deriveCaseClock(calendar: WorkingCalendar, input: ClockInput): ClockState {
  if (!isValidIsoDate(input.today)) throw new RangeError(`deriveCaseClock: today must be a YYYY-MM-DD date, got ${String(input.today)}`);
  requireDayCount(input.promisedDays, 'promisedDays');
  if (input.statutoryDays !== null) requireDayCount(input.statutoryDays, 'statutoryDays');
  if (!Number.isSafeInteger(input.warningDays)) throw new RangeError(`deriveCaseClock: warningDays must be an integer, got ${input.warningDays}`);

  const history = readHistory(input);
  const asOf = history.stoppedOn ?? input.today;
  const spans = excludedSpans(history);
  const paused = history.openPause !== null && history.stoppedOn === null;
  const { startedOn, step } = history;

  // Case clock. While paused addWorkingDays may still return a date that fell before the pause;
  // it is reported as null (the deadline shown must be the one after resuming) but kept internally.
  const knownDeadline = startedOn === null ? null : calendar.addWorkingDays(startedOn, input.promisedDays, spans);
  const usedDays = startedOn === null ? null : calendar.countWorkingDays(startedOn, asOf, spans);
  let remainingDays: number | null = null;
  if (usedDays !== null) remainingDays = paused || knownDeadline === null ? input.promisedDays - usedDays : calendar.remainingWorkingDays(knownDeadline, asOf, spans);
  const caseDeadline = paused ? null : knownDeadline;
  const statutoryDeadline =
    paused || startedOn === null || input.statutoryDays === null ? null : calendar.addWorkingDays(startedOn, input.statutoryDays, spans);
  const overdue = !paused && knownDeadline !== null && asOf > knownDeadline;
  const overdueDays = remainingDays !== null && remainingDays < 0 ? -remainingDays : 0;

  // Step clock, same rules with the latest step's own limit.
  const stepLimit = step?.limitDays ?? null;
  const knownStepDeadline = step === null || stepLimit === null ? null : calendar.addWorkingDays(step.on, stepLimit, spans);
  let stepRemainingDays: number | null = null;
  if (step !== null && stepLimit !== null) {
    stepRemainingDays =
      paused || knownStepDeadline === null
        ? stepLimit - calendar.countWorkingDays(step.on, asOf, spans)
        : calendar.remainingWorkingDays(knownStepDeadline, asOf, spans);
  }
  const stepOverdue = knownStepDeadline !== null && asOf > knownStepDeadline;
  const stepDeadline = paused ? null : knownStepDeadline;

  let timeState: TimeState;
  if (history.stoppedOn !== null) timeState = 'stopped';
  else if (paused) timeState = 'paused';
  else if (startedOn === null) timeState = 'not_started';
  else if (overdue) timeState = 'overdue';
  else if (remainingDays !== null && remainingDays <= input.warningDays) timeState = 'warning';
  else timeState = 'normal';

  // With no open pause every excluded span ends by today, so the future is plain working days.
  let nextChangeOn: string | null = null;
  if (timeState !== 'stopped' && timeState !== 'paused') {
    let caseChange: string | null = null;
    if (caseDeadline !== null && !overdue) {
      caseChange =
        timeState === 'normal' && input.warningDays >= 0
          ? // Warning starts where at most warningDays working days remain: the (warningDays + 1)-th working day
            // counting back from the deadline. No pause lies after today here, so plain working days count.
            nthWorkingDayBackFrom(calendar, caseDeadline, input.warningDays + 1)
          : addCalendarDays(caseDeadline, 1);
    }
    const stepChange = stepDeadline !== null && !stepOverdue ? addCalendarDays(stepDeadline, 1) : null;
    nextChangeOn = earliest([caseChange, stepChange]);
  }

  const pauses = history.pauses.map((pause): ClockPause => {
    // Pauses never overlap (a pause while paused is rejected), so each one counts on its own.
    const workingDays = calendar.countWorkingDays(pause.from, pause.to ?? asOf);
    return { from: pause.from, to: pause.to, reason: pause.reason, label: pause.label, workingDays };
  });
  // An open pause is always the latest one: a pause while paused is rejected.
  const openPause = paused ? pauses.at(-1) : undefined;
  const maxDays = history.openPause?.maxDays ?? null;
  const pauseOverrun =
    openPause !== undefined && maxDays !== null && openPause.workingDays > maxDays
      ? { label: openPause.label, maxDays, usedDays: openPause.workingDays }
      : null;
  const concludedLate = history.stoppedOn !== null && knownDeadline !== null ? history.stoppedOn > knownDeadline : null;

  const state: ClockState = {
    timeState,
    startedOn,
    caseDeadline,
    statutoryDeadline,
    stepKey: step?.stepKey ?? null,
    stepDeadline,
    remainingDays,
    stepRemainingDays,
    stepOverdue,
    usedDays,
    pauses,
    pauseOverrun,
    stoppedOn: history.stoppedOn,
    concludedLate,
    overdueDays,
    nextChangeOn,
    explanation: [],
  };
  state.explanation = explainClock(input, history, state);
  return state;
}
