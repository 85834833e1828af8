// The checks of a case's record: each check on a clean record and on records that break it, including the
// off-system checks on the real 2026 calendar (National Day).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedYears } from '../../core/calendar/holiday-data.ts';
import { createWorkingCalendar } from '../../core/calendar/working-days.ts';
import { checkCaseRecord, type CaseRecordEvent, type CaseRecordFacts } from './case-checks.ts';

const calendar = createWorkingCalendar({ years: loadShippedYears() });
const settings = { maxEntryDelayDays: 1 };

let seq = 0;
function event(type: string, occurredAt: string, detail: Record<string, unknown> = {}): CaseRecordEvent {
  seq += 1;
  return { seq, type, occurredAt, detail };
}

function facts(overrides: Partial<CaseRecordFacts>): CaseRecordFacts {
  return {
    channel: 'online',
    enteredAt: '2026-11-16T01:00:00.000Z',
    submittedAt: '2026-11-16T01:00:00.000Z',
    requiredMaterialKeys: ['form', 'plan'],
    materialKeysAtAcceptance: ['form', 'plan'],
    charged: true,
    standardFees: [{ name: '工本费', amount: 10 }],
    circumstances: [{ code: 'minor', fineMin: 0, fineMax: 2000 }],
    secondApproverStepKeys: [],
    events: [],
    ...overrides,
  };
}

function codes(record: CaseRecordFacts): string[] {
  return checkCaseRecord(record, calendar, settings).map((violation) => `${violation.code}@${violation.occurrence}`);
}

const clean = () => [
  event('submitted', '2026-11-16T01:00:00.000Z'),
  event('accepted', '2026-11-16T02:00:00.000Z'),
  event('forwarded', '2026-11-17T02:00:00.000Z'),
  event('decided', '2026-11-18T02:00:00.000Z', { outcome: 'approved' }),
  event('concluded', '2026-11-18T03:00:00.000Z', { fees: [{ name: '工本费', amount: 10 }] }),
];

test('a case handled by the book shows no violation', () => {
  assert.deepEqual(codes(facts({ events: clean() })), []);
});

test('process legality: decisions out of order, refusals without reasons, repeated supplements, refusing a complete application', () => {
  seq = 0;
  const skipped = [event('submitted', '2026-11-16T01:00:00.000Z'), event('decided', '2026-11-16T02:00:00.000Z', { outcome: 'approved' }), event('concluded', '2026-11-16T03:00:00.000Z'), event('forwarded', '2026-11-16T04:00:00.000Z')];
  assert.deepEqual(codes(facts({ events: skipped })), ['legality.order@2', 'legality.order@4']);

  seq = 0;
  const bareRefusal = [event('submitted', '2026-11-16T01:00:00.000Z'), event('refused', '2026-11-16T02:00:00.000Z', { reason: '不符合条件', legalBasis: '' })];
  assert.deepEqual(codes(facts({ events: bareRefusal, channel: 'pushed' })), ['legality.reason@2']);
  assert.match(checkCaseRecord(facts({ events: bareRefusal, channel: 'pushed' }), calendar, settings)[0]!.detail, /法律依据/);
  assert.deepEqual(codes(facts({ events: bareRefusal })), ['legality.reason@2', 'legality.refused_complete@2'], 'complete materials, no supplement asked, refused anyway');

  seq = 0;
  const deniedBare = [event('submitted', '2026-11-16T01:00:00.000Z'), event('accepted', '2026-11-16T02:00:00.000Z'), event('decided', '2026-11-17T02:00:00.000Z', { outcome: 'denied', reason: '', legalBasis: '' })];
  assert.deepEqual(codes(facts({ events: deniedBare })), ['legality.reason@3']);

  seq = 0;
  const twice = [event('submitted', '2026-11-16T01:00:00.000Z'), event('supplement_requested', '2026-11-16T02:00:00.000Z'), event('supplemented', '2026-11-17T02:00:00.000Z'), event('supplement_requested', '2026-11-17T03:00:00.000Z')];
  assert.deepEqual(codes(facts({ events: twice })), ['legality.supplement_repeated@4']);

  seq = 0;
  const reAccepted = [event('submitted', '2026-11-16T01:00:00.000Z'), event('accepted', '2026-11-16T02:00:00.000Z'), event('refused', '2026-11-17T02:00:00.000Z', { reason: '重复申请', legalBasis: '某条例' })];
  assert.deepEqual(codes(facts({ events: reAccepted, channel: 'pushed' })), ['legality.order@3']);
});

test('completeness: accepting while a required material is missing (the window checks it; a pushed case is not held to it)', () => {
  seq = 0;
  assert.deepEqual(codes(facts({ events: clean(), materialKeysAtAcceptance: ['form'] })), ['completeness.materials@2']);
  seq = 0;
  assert.deepEqual(codes(facts({ events: clean(), materialKeysAtAcceptance: ['form'], channel: 'pushed' })), []);
});

test('fees: a fee the item does not list, a fee at another amount, any fee on a free item', () => {
  seq = 0;
  const events = [...clean().slice(0, 4), event('concluded', '2026-11-18T03:00:00.000Z', { fees: [{ name: '工本费', amount: 20 }, { name: '加急费', amount: 50 }] })];
  assert.deepEqual(codes(facts({ events })), ['fees.amount@6:工本费', 'fees.unlisted@6:加急费']);
  seq = 0;
  assert.deepEqual(codes(facts({ events: clean(), charged: false })), ['fees.unlisted@5:工本费']);
});

test('penalty discretion: a fine outside the chosen circumstance, or a circumstance not in the standard', () => {
  seq = 0;
  const base = [event('submitted', '2026-11-16T01:00:00.000Z'), event('accepted', '2026-11-16T02:00:00.000Z')];
  assert.deepEqual(codes(facts({ events: [...base, event('decided', '2026-11-17T02:00:00.000Z', { outcome: 'penalized', circumstance: 'minor', amount: 2000 })] })), []);
  seq = 0;
  const high = [event('submitted', '2026-11-16T01:00:00.000Z'), event('accepted', '2026-11-16T02:00:00.000Z'), event('decided', '2026-11-17T02:00:00.000Z', { outcome: 'penalized', circumstance: 'minor', amount: 2000.01 })];
  assert.match(checkCaseRecord(facts({ events: high }), calendar, settings)[0]!.detail, /0–2000/);
  seq = 0;
  const pushed = [event('submitted', '2026-11-16T01:00:00.000Z'), event('accepted', '2026-11-16T02:00:00.000Z'), event('decided', '2026-11-17T02:00:00.000Z', { outcome: 'penalized', circumstance: 'grave', fineAmount: 100 })];
  assert.deepEqual(codes(facts({ events: pushed, channel: 'pushed' })), ['discretion.fine@3']);
});

test('off-system handling: entered after the decision (事后补录); submitted more working days before entry than allowed (体外循环), counted over National Day', () => {
  seq = 0;
  const decidedBefore = [event('submitted', '2026-11-10T01:00:00.000Z'), event('accepted', '2026-11-10T02:00:00.000Z'), event('decided', '2026-11-12T02:00:00.000Z', { outcome: 'approved' })];
  assert.deepEqual(codes(facts({ channel: 'pushed', submittedAt: '2026-11-10T01:00:00.000Z', enteredAt: '2026-11-13T01:00:00.000Z', events: decidedBefore })), ['offsystem.entered_after_decision@entry', 'offsystem.backdated@entry']);

  // Reported the same day it was decided: on time.
  seq = 0;
  const sameDay = [event('submitted', '2026-11-16T01:00:00.000Z'), event('refused', '2026-11-16T02:00:00.000Z', { reason: '不符合条件', legalBasis: '某条例第五条' })];
  assert.deepEqual(codes(facts({ channel: 'pushed', enteredAt: '2026-11-16T09:00:00.000Z', events: sameDay })), []);

  // Submitted Wednesday 30 September, entered Thursday 8 October: only 8 October is a working day between.
  seq = 0;
  const overHoliday = facts({ channel: 'pushed', submittedAt: '2026-09-30T01:00:00.000Z', enteredAt: '2026-10-08T01:00:00.000Z', events: [event('submitted', '2026-09-30T01:00:00.000Z')] });
  assert.deepEqual(codes(overHoliday), []);
  assert.deepEqual(checkCaseRecord(overHoliday, calendar, { maxEntryDelayDays: 0 }).map((violation) => violation.code), ['offsystem.backdated']);
});

test('integrity risk: a high-risk step completed by one person alone; a second person’s opinion at that step clears it', () => {
  const at = (type: string, stepKey: string, actorUserId: string, detail: Record<string, unknown> = {}): CaseRecordEvent => ({ ...event(type, '2026-11-17T02:00:00.000Z', detail), stepKey, actorUserId });
  seq = 0;
  const alone = [event('submitted', '2026-11-16T01:00:00.000Z'), at('accepted', 'accept', 'window'), at('decided', 'decide', 'head', { outcome: 'approved' })];
  assert.deepEqual(codes(facts({ events: alone, secondApproverStepKeys: ['decide'] })), ['legality.second_approver@3']);
  seq = 0;
  const ownNote = [event('submitted', '2026-11-16T01:00:00.000Z'), at('accepted', 'accept', 'window'), at('noted', 'decide', 'head'), at('decided', 'decide', 'head', { outcome: 'approved' })];
  assert.deepEqual(codes(facts({ events: ownNote, secondApproverStepKeys: ['decide'] })), ['legality.second_approver@4'], 'a note of their own does not count');
  seq = 0;
  const twoPeople = [event('submitted', '2026-11-16T01:00:00.000Z'), at('accepted', 'accept', 'window'), at('noted', 'decide', 'deputy'), at('decided', 'decide', 'head', { outcome: 'approved' })];
  assert.deepEqual(codes(facts({ events: twoPeople, secondApproverStepKeys: ['decide'] })), []);
  assert.deepEqual(codes(facts({ events: alone })), [], 'no high-risk step, no check');
});

test('process legality: a decision by someone who does not hold the step’s permission (judged on the newest event)', () => {
  const at = (type: string, stepKey: string, actorUserId: string, detail: Record<string, unknown> = {}): CaseRecordEvent => ({ ...event(type, '2026-11-17T02:00:00.000Z', detail), stepKey, actorUserId });
  seq = 0;
  const events = [event('submitted', '2026-11-16T01:00:00.000Z'), at('accepted', 'accept', 'window'), at('decided', 'decide', 'clerk', { outcome: 'approved' })];
  const stepPermissions = { accept: 'services.cases.accept', decide: 'services.cases.decide' };
  const clerk = new Map([['clerk', new Set(['services.cases.review'])]]);
  assert.deepEqual(codes(facts({ events, stepPermissions, deciderPermissions: clerk })), ['legality.decider_role@3']);
  const head = new Map([['clerk', new Set(['services.cases.decide'])]]);
  assert.deepEqual(codes(facts({ events, stepPermissions, deciderPermissions: head })), []);
  assert.deepEqual(codes(facts({ events: [...events, at('concluded', 'deliver', 'window')], stepPermissions, deciderPermissions: clerk })), [], 'an older decision is not judged again');
});
