// The clock in words, for staff and applicants: one sentence per fact of the history in order, then where the
// clocks stand as of today (or the stop). Chinese first; English when the reader chose it. Step names and
// pause labels come in the reader's language from the caller (a step's name is the unit's own wording).
import type { ClockInput, ClockState, History } from './case-clock.ts';

interface Words {
  notStarted: string;
  started(on: string, promisedDays: number, statutoryDays: number | null): string;
  enteredStep(on: string, stepName: string, limitDays: number | null): string;
  pausedBetween(from: string, to: string, label: string, days: number): string;
  pausedSince(from: string, label: string, days: number): string;
  pausedUntilStop(from: string, label: string, days: number): string;
  pauseOverrun(label: string, usedDays: number, maxDays: number): string;
  pausedNow(usedDays: number, remainingDays: number): string;
  overdue(deadline: string, overdueDays: number): string;
  remaining(deadline: string, remainingDays: number, warning: boolean): string;
  statutoryDeadline(deadline: string): string;
  stepOverdue(stepName: string, deadline: string, overDays: number): string;
  stepRemaining(stepName: string, deadline: string, remainingDays: number): string;
  stopped(on: string, late: boolean | null, overdueDays: number): string;
}

const ZH: Words = {
  notStarted: '尚未受理，办件时限未开始计算',
  started: (on, promised, statutory) => `${on} 受理，${promised === 0 ? '即办件（当日办结）' : `承诺时限 ${promised} 个工作日`}${statutory === null ? '' : `，法定时限 ${statutory} 个工作日`}`,
  enteredStep: (on, name, limit) => `${on} 进入环节「${name}」，${limit === null ? '不设环节时限' : `环节时限 ${limit} 个工作日`}`,
  pausedBetween: (from, to, label, days) => `${from} 至 ${to} ${label}，暂停 ${days} 个工作日`,
  pausedSince: (from, label, days) => `${from} 起${label}，尚未恢复，已暂停 ${days} 个工作日`,
  pausedUntilStop: (from, label, days) => `${from} 起${label}，未恢复即停止计时，暂停 ${days} 个工作日`,
  pauseOverrun: (label, used, max) => `${label}已暂停 ${used} 个工作日，超过最长 ${max} 个工作日`,
  pausedNow: (used, remaining) => `暂停中，已用 ${used} 个工作日，剩余 ${remaining} 个工作日，恢复计时后重新计算截止日期`,
  overdue: (deadline, days) => `截止日期 ${deadline}，${days > 0 ? `已超期 ${days} 个工作日` : '已超期'}`,
  remaining: (deadline, days, warning) => `截止日期 ${deadline}，剩余 ${days} 个工作日${warning ? '，已进入预警' : ''}`,
  statutoryDeadline: (deadline) => `法定截止日期 ${deadline}`,
  stepOverdue: (name, deadline, over) => `环节「${name}」截止日期 ${deadline}，已超过环节时限${over > 0 ? ` ${over} 个工作日` : ''}`,
  stepRemaining: (name, deadline, days) => `环节「${name}」截止日期 ${deadline}，剩余 ${days} 个工作日`,
  stopped: (on, late, days) => `${on} 停止计时${late === null ? '' : late ? `，超期 ${days} 个工作日` : '，未超期'}`,
};

const workingDays = (count: number) => `${count} working day${count === 1 ? '' : 's'}`;

const EN: Words = {
  notStarted: 'Not accepted yet: the time limit has not started',
  started: (on, promised, statutory) => `${on} accepted; ${promised === 0 ? 'handled on the spot (same day)' : `promised limit ${workingDays(promised)}`}${statutory === null ? '' : `, statutory limit ${workingDays(statutory)}`}`,
  enteredStep: (on, name, limit) => `${on} entered step “${name}”; ${limit === null ? 'no step limit' : `step limit ${workingDays(limit)}`}`,
  pausedBetween: (from, to, label, days) => `${from} to ${to}: ${label}, paused ${workingDays(days)}`,
  pausedSince: (from, label, days) => `Since ${from}: ${label}, not resumed yet, paused ${workingDays(days)} so far`,
  pausedUntilStop: (from, label, days) => `Since ${from}: ${label}, the clock stopped before resuming, paused ${workingDays(days)}`,
  pauseOverrun: (label, used, max) => `${label} has paused the clock ${workingDays(used)}, more than the longest allowed (${workingDays(max)})`,
  pausedNow: (used, remaining) => `Paused: ${workingDays(used)} used, ${workingDays(remaining)} left; the deadline is set again when the clock resumes`,
  overdue: (deadline, days) => `Deadline ${deadline}: ${days > 0 ? `overdue by ${workingDays(days)}` : 'overdue'}`,
  remaining: (deadline, days, warning) => `Deadline ${deadline}: ${workingDays(days)} left${warning ? ', warning' : ''}`,
  statutoryDeadline: (deadline) => `Statutory deadline ${deadline}`,
  stepOverdue: (name, deadline, over) => `Step “${name}” deadline ${deadline}: over the step limit${over > 0 ? ` by ${workingDays(over)}` : ''}`,
  stepRemaining: (name, deadline, days) => `Step “${name}” deadline ${deadline}: ${workingDays(days)} left`,
  stopped: (on, late, days) => `${on} the clock stopped${late === null ? '' : late ? `, overdue by ${workingDays(days)}` : ', within the limit'}`,
};

export function explainClock(input: ClockInput, history: History, state: ClockState): string[] {
  const words = input.language === 'en' ? EN : ZH;
  const sentences: string[] = [];
  if (history.startedOn === null) sentences.push(words.notStarted);
  for (const fact of history.timeline) {
    if (fact.kind === 'start') {
      sentences.push(words.started(history.startedOn as string, input.promisedDays, input.statutoryDays));
    } else if (fact.kind === 'step') {
      sentences.push(words.enteredStep(fact.step.on, fact.step.stepName, fact.step.limitDays));
    } else {
      const pause = state.pauses[fact.index]!;
      if (pause.to !== null) sentences.push(words.pausedBetween(pause.from, pause.to, pause.label, pause.workingDays));
      else if (state.timeState === 'paused') sentences.push(words.pausedSince(pause.from, pause.label, pause.workingDays));
      else sentences.push(words.pausedUntilStop(pause.from, pause.label, pause.workingDays));
    }
  }
  const overrun = state.pauseOverrun;
  if (overrun !== null) sentences.push(words.pauseOverrun(overrun.label, overrun.usedDays, overrun.maxDays));
  const { caseDeadline, remainingDays, usedDays } = state;
  if (state.timeState === 'paused' && usedDays !== null && remainingDays !== null) {
    sentences.push(words.pausedNow(usedDays, remainingDays));
  } else if (caseDeadline !== null && remainingDays !== null) {
    const asOf = history.stoppedOn ?? input.today;
    if (asOf > caseDeadline) sentences.push(words.overdue(caseDeadline, state.overdueDays));
    else sentences.push(words.remaining(caseDeadline, remainingDays, state.timeState === 'warning'));
  }
  if (state.statutoryDeadline !== null) sentences.push(words.statutoryDeadline(state.statutoryDeadline));
  const step = history.step;
  if (step !== null && state.stepDeadline !== null && state.stepRemainingDays !== null) {
    const left = state.stepRemainingDays;
    sentences.push(state.stepOverdue ? words.stepOverdue(step.stepName, state.stepDeadline, left < 0 ? -left : 0) : words.stepRemaining(step.stepName, state.stepDeadline, left));
  }
  if (history.stoppedOn !== null) sentences.push(words.stopped(history.stoppedOn, state.concludedLate, state.overdueDays));
  return sentences;
}
