// Property: for random histories over random calendars, the findings the engine raises — evaluating each
// subject when an event changes it and again on the day it asked to be looked at (event-driven plus
// scheduled) — equal those of a brute-force reference that looks at every subject on every day. None missed,
// none doubled. The reference shares no code with the engine: it counts working days itself, one day at a
// time, from the calendar's isWorkingDay answers, and picks rules by its own reading of their precedence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadShippedYears } from '../../core/calendar/holiday-data.ts';
import { createWorkingCalendar, type CalendarOverride, type WorkingCalendar } from '../../core/calendar/working-days.ts';
import { evaluateSubject, findingKey, type SupervisedDeadline, type SupervisedSubject, type TimelinessRule } from './supervision-engine.ts';

const DAY_MS = 86_400_000;
const toDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const toDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const FIRST = toDay('2025-09-01');
const SPAN = 240; // days a history may run over, through two National Days, a Spring Festival and year ends

// ---- generated inputs -------------------------------------------------------------------------
const overridesArbitrary = fc.uniqueArray(fc.record({ offset: fc.integer({ min: -40, max: SPAN + 80 }), working: fc.boolean() }), { selector: (override) => override.offset, maxLength: 12 });
const deadlineArbitrary = fc.option(fc.integer({ min: -20, max: SPAN }), { nil: null, freq: 5 });
const eventArbitrary = fc.record({ gap: fc.integer({ min: 0, max: 40 }), caseDue: deadlineArbitrary, stepDue: deadlineArbitrary, stepKey: fc.constantFrom('accept', 'review', 'decide') });
const thresholdsArbitrary = fc.record({ warningDays: fc.integer({ min: 0, max: 6 }), redAfterOverdueDays: fc.integer({ min: 0, max: 8 }) });
const ruleArbitrary = fc.record({ deadlineKind: fc.constantFrom('case', 'step'), scoped: fc.boolean(), thresholds: thresholdsArbitrary, enabled: fc.boolean() });
const subjectArbitrary = fc.record({ scopeKey: fc.constantFrom('item-a', 'item-b', null), events: fc.array(eventArbitrary, { minLength: 1, maxLength: 6 }) });
const worldArbitrary = fc.record({
  overrides: overridesArbitrary,
  rules: fc.array(ruleArbitrary, { maxLength: 5 }),
  subjects: fc.array(subjectArbitrary, { minLength: 1, maxLength: 4 }),
  endGap: fc.integer({ min: 0, max: 60 }),
});

interface SubjectEvent { day: number; deadlines: SupervisedDeadline[] }

type World = typeof worldArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildWorld(world: World) {
  const overrides: CalendarOverride[] = world.overrides.map((override) => ({ date: toDate(FIRST + override.offset), working: override.working }));
  const calendar = createWorkingCalendar({ years: loadShippedYears(), overrides });
  const rules: TimelinessRule[] = world.rules.map((rule, index) => ({
    code: `rule-${index}`, subjectType: 'case', deadlineKind: rule.deadlineKind, scopeKey: rule.scoped ? 'item-a' : null, thresholds: rule.thresholds, enabled: rule.enabled,
  }));
  const subjects = world.subjects.map((subject, index) => {
    let day = FIRST;
    const events: SubjectEvent[] = subject.events.map((event) => {
      day += event.gap;
      const deadlines: SupervisedDeadline[] = [{ key: 'case', kind: 'case', due: event.caseDue === null ? null : toDate(FIRST + event.caseDue) }];
      deadlines.push({ key: `step:${event.stepKey}`, kind: 'step', due: event.stepDue === null ? null : toDate(FIRST + event.stepDue) });
      return { day, deadlines };
    });
    return { id: `case-${index}`, scopeKey: subject.scopeKey, events };
  });
  const lastEvent = Math.max(...subjects.map((subject) => subject.events.at(-1)!.day));
  return { calendar, rules, subjects, endDay: lastEvent + world.endGap };
}

// ---- the reference ----------------------------------------------------------------------------
function referenceRule(rules: readonly TimelinessRule[], scopeKey: string | null, kind: string): TimelinessRule | null {
  const scoped = scopeKey === null ? [] : rules.filter((rule) => rule.deadlineKind === kind && rule.scopeKey === scopeKey);
  if (scoped.length > 0) return scoped[0]!.enabled ? scoped[0]! : null;
  const general = rules.filter((rule) => rule.deadlineKind === kind && rule.scopeKey === null);
  const last = general.at(-1);
  return last?.enabled ? last : null;
}

/** Working days d with a < d ≤ b, counted one by one. */
function workingDaysBetween(calendar: WorkingCalendar, a: number, b: number): number {
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (calendar.isWorkingDay(toDate(day))) count++;
  return count;
}

function referenceLevels(calendar: WorkingCalendar, due: number, today: number, rule: TimelinessRule): string[] {
  if (today > due) return workingDaysBetween(calendar, due, today) > rule.thresholds.redAfterOverdueDays ? ['warning', 'yellow', 'red'] : ['warning', 'yellow'];
  return workingDaysBetween(calendar, today, due) <= rule.thresholds.warningDays ? ['warning'] : [];
}

function referenceFindings(world: ReturnType<typeof buildWorld>): Set<string> {
  const found = new Set<string>();
  for (const subject of world.subjects) {
    const look = (deadlines: readonly SupervisedDeadline[], day: number) => {
      for (const deadline of deadlines) {
        const rule = deadline.due === null ? null : referenceRule(world.rules, subject.scopeKey, deadline.kind);
        if (!rule || deadline.due === null) continue;
        for (const level of referenceLevels(world.calendar, toDay(deadline.due), day, rule)) found.add(['timeliness', 'case', subject.id, deadline.key, level].join('|'));
      }
    };
    // Every day, as the day begins (the state left by earlier days) and after each of its events.
    let current: readonly SupervisedDeadline[] = [];
    for (let day = subject.events[0]!.day; day <= world.endDay; day++) {
      look(current, day);
      for (const event of subject.events.filter((candidate) => candidate.day === day)) {
        current = event.deadlines;
        look(current, day);
      }
    }
  }
  return found;
}

// ---- the engine, driven the way the platform drives it ----------------------------------------
function engineFindings(world: ReturnType<typeof buildWorld>): { found: Set<string>; lateLooks: string[] } {
  const found = new Set<string>();
  const lateLooks: string[] = [];
  const raise = (subject: SupervisedSubject, day: number) => {
    const evaluation = evaluateSubject(world.calendar, subject, world.rules, toDate(day));
    // Stored findings are unique by key: evaluating again finds what stands, and only a new key is a new finding.
    for (const finding of evaluation.findings) found.add(findingKey(finding));
    return evaluation.nextCheckOn === null ? null : toDay(evaluation.nextCheckOn);
  };
  /** Runs the scheduler's stored moments up to `until`; a moment that does not move forward is reported, not looped on. */
  const runScheduled = (subject: SupervisedSubject, from: number | null, until: number): number | null => {
    let nextCheck = from;
    while (nextCheck !== null && nextCheck <= until) {
      const after = raise(subject, nextCheck);
      if (after !== null && after <= nextCheck) {
        lateLooks.push(`${subject.id} asked to be looked at again on ${toDate(after)}, not after ${toDate(nextCheck)}`);
        return null;
      }
      nextCheck = after;
    }
    return nextCheck;
  };
  for (const subject of world.subjects) {
    let nextCheck: number | null = null;
    let state: SupervisedSubject | null = null;
    for (const event of subject.events) {
      // The scheduler: each stored moment that comes before (or on the day of) the next event.
      if (state !== null) nextCheck = runScheduled(state, nextCheck, event.day);
      state = { type: 'case', id: subject.id, scopeKey: subject.scopeKey, deadlines: event.deadlines };
      nextCheck = raise(state, event.day);
    }
    if (state !== null) runScheduled(state, nextCheck, world.endDay);
  }
  return { found, lateLooks };
}

test('event-driven plus scheduled evaluation raises exactly the findings of a day-by-day reference', () => {
  fc.assert(
    fc.property(worldArbitrary, (input) => {
      const world = buildWorld(input);
      const engine = engineFindings(world);
      assert.deepEqual(engine.lateLooks, []);
      assert.deepEqual([...engine.found].sort(), [...referenceFindings(world)].sort());
    }),
    { numRuns: 300 },
  );
});

test('a subject asks to be looked at only when a level can rise: the number of looks follows the crossings', () => {
  fc.assert(
    fc.property(worldArbitrary, (input) => {
      const world = buildWorld(input);
      for (const subject of world.subjects) {
        const last = subject.events.at(-1)!;
        const state: SupervisedSubject = { type: 'case', id: subject.id, scopeKey: subject.scopeKey, deadlines: last.deadlines };
        // Three levels per running deadline at most, plus the look at the event itself; each look later than the last.
        const mostLooks = 1 + 3 * state.deadlines.length;
        let looks = 0;
        let next: string | null = toDate(last.day);
        while (next !== null && looks <= mostLooks) {
          const after: string | null = evaluateSubject(world.calendar, state, world.rules, next).nextCheckOn;
          assert.ok(after === null || after > next, `asked to look again on ${after} after ${next}`);
          next = after;
          looks += 1;
        }
        assert.ok(looks <= mostLooks, `${looks} looks`);
      }
    }),
    { numRuns: 200 },
  );
});
