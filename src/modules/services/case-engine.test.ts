// The case state machine without a database: every transition it plans and every refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/errors/app-error.ts';
import type { CaseCommand } from './case-commands.schema.ts';
import { planTransition, type EngineCase, type EngineTask } from './case-engine.ts';
import { processFromTemplate } from './process-templates.ts';
import { processDefinitionSchema } from './process.schema.ts';
import { serviceGuideSchema } from './service-guide.schema.ts';

const permit = processDefinitionSchema.parse(processFromTemplate('promised', 10));
const immediate = processDefinitionSchema.parse(processFromTemplate('immediate', 0));
const penalty = processDefinitionSchema.parse(processFromTemplate('penalty', 60));
const guide = serviceGuideSchema.parse({
  name: '测试', itemType: '02', basicCode: '000103020001',
  discretion: [{ violation: '无证经营', basis: '《食品安全法》第一百二十二条', circumstances: [{ code: 'minor', name: '轻微', fineMin: 50_000, fineMax: 70_000 }, { code: 'serious', name: '严重', fineMin: 90_000, fineMax: 100_000 }] }],
});

const task = (stepKey: string, kind: EngineTask['kind'] = 'step', unitId = 'unit-a', touched = false): EngineTask => ({ id: `${kind}-${stepKey}-${unitId}`, stepKey, kind, unitId, touched });
const state = (overrides: Partial<EngineCase>): EngineCase => ({ status: 'in_progress', currentStepKey: 'review', supplementCount: 0, openTasks: [task('review')], lastHandOver: null, statusBeforePause: null, ...overrides });
const context = (state: EngineCase, actorUserId = 'user-1') => ({ actorUserId, task: state.openTasks.find((open) => open.kind === 'step') ?? null, guide });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
};

test('acceptance moves to the next step, starts the clock and opens its task', () => {
  const submitted = state({ status: 'submitted', currentStepKey: 'accept', openTasks: [task('accept')] });
  const plan = planTransition(submitted, permit, { action: 'accept', opinion: '' }, context(submitted));
  assert.equal(plan.status, 'in_progress');
  assert.equal(plan.stepKey, 'review');
  assert.equal(plan.accepted, true);
  assert.deepEqual(plan.closeTaskIds, ['step-accept-unit-a']);
  assert.deepEqual(plan.openTasks, [{ stepKey: 'review', kind: 'step', handledBy: 'owner' }]);
  assert.deepEqual(plan.events.map((event) => event.type), ['accepted']);
});

test('a decision at the last step concludes the case; at a middle step it moves on', () => {
  const atDecide = state({ currentStepKey: 'decide', openTasks: [task('decide')] });
  const approved = planTransition(atDecide, permit, { action: 'approve', opinion: '同意' }, context(atDecide));
  assert.equal(approved.outcome, 'approved');
  assert.equal(approved.stepKey, 'deliver');
  assert.equal(approved.status, 'in_progress');
  const onTheSpot = state({ currentStepKey: 'decide', openTasks: [task('decide')] });
  const concluded = planTransition(onTheSpot, immediate, { action: 'deny', reason: '不符合条件', legalBasis: '某条例第三条' }, context(onTheSpot));
  assert.equal(concluded.status, 'concluded');
  assert.equal(concluded.outcome, 'denied');
  assert.deepEqual(concluded.events.map((event) => event.type), ['decided', 'concluded']);
});

test('refusals name what is wrong', () => {
  const submitted = state({ status: 'submitted', currentStepKey: 'accept', openTasks: [task('accept')] });
  const cases: Array<[string, EngineCase, CaseCommand, string]> = [
    ['decision at the acceptance step', submitted, { action: 'approve', opinion: '' }, 'CASE_ACTION_NOT_AT_STEP'],
    ['supplement twice', { ...submitted, supplementCount: 1 }, { action: 'request_supplement', items: [{ materialKey: null, name: 'x', requirement: 'y' }], note: '' }, 'CASE_SUPPLEMENT_ONCE'],
    ['act on an ended case', { ...submitted, status: 'concluded' }, { action: 'note', text: 'x' }, 'CASE_CLOSED'],
    ['supply when nothing was asked', submitted, { action: 'supply' }, 'CASE_ACTION_NOT_ALLOWED'],
    ['resume a running case', state({}), { action: 'resume', result: '结束' }, 'CASE_ACTION_NOT_ALLOWED'],
    ['send back to acceptance', state({ currentStepKey: 'decide', openTasks: [task('decide')] }), { action: 'send_back', toStepKey: 'accept', reason: '退回' }, 'CASE_SEND_BACK_TARGET'],
    ['send back forwards', state({}), { action: 'send_back', toStepKey: 'decide', reason: '退回' }, 'CASE_SEND_BACK_TARGET'],
    ['forward with countersigns open', state({ openTasks: [task('review'), task('review', 'countersign', 'unit-b')] }), { action: 'forward', opinion: '' }, 'CASE_COUNTERSIGN_PENDING'],
    ['countersign by oneself', state({}), { action: 'countersign', unitIds: ['unit-a'], question: '请会签' }, 'CASE_COUNTERSIGN_OWN_UNIT'],
    ['procedure the item does not allow', state({}), { action: 'suspend', procedure: 'testing', reason: '检测', plannedDays: 5 }, 'CASE_PROCEDURE_NOT_ALLOWED'],
    ['procedure too long', state({}), { action: 'suspend', procedure: 'site_inspection', reason: '勘查', plannedDays: 11 }, 'CASE_PROCEDURE_TOO_LONG'],
    ['transfer to the same unit', submitted, { action: 'transfer', toUnitId: 'unit-a', reason: '转办' }, 'CASE_TRANSFER_SAME_UNIT'],
    ['recall without a hand-over', state({}), { action: 'recall', reason: '撤回' }, 'CASE_RECALL_NOT_POSSIBLE'],
  ];
  for (const [label, current, command, expected] of cases) assert.equal(codeOf(() => planTransition(current, permit, command, context(current))), expected, label);
  assert.equal(codeOf(() => planTransition(submitted, permit, { action: 'accept', opinion: '' }, { actorUserId: 'u', task: null, guide })), 'CASE_NOT_YOUR_TASK');
});

test('a supplement pauses and supplying returns to where the case was', () => {
  const submitted = state({ status: 'submitted', currentStepKey: 'accept', openTasks: [task('accept')] });
  const asked = planTransition(submitted, permit, { action: 'request_supplement', items: [{ materialKey: 'a', name: '甲', requirement: '原件' }], note: '' }, context(submitted));
  assert.equal(asked.status, 'supplementing');
  assert.equal(asked.supplementRequested, true);
  const waiting = state({ status: 'supplementing', currentStepKey: 'accept', supplementCount: 1, openTasks: [task('accept', 'step', 'unit-a', true)], statusBeforePause: 'submitted' });
  const supplied = planTransition(waiting, permit, { action: 'supply' }, { actorUserId: 'applicant', task: null, guide });
  assert.equal(supplied.status, 'submitted');
  assert.equal(codeOf(() => planTransition(waiting, permit, { action: 'accept', opinion: '' }, context(waiting))), 'CASE_ACTION_NOT_ALLOWED');
});

test('recall only by the one who handed over, only while the next step is untouched', () => {
  const handedOver = state({ currentStepKey: 'decide', openTasks: [task('decide')], lastHandOver: { byUserId: 'user-1', fromStepKey: 'review', toStepKey: 'decide' } });
  const recalled = planTransition(handedOver, permit, { action: 'recall', reason: '漏看材料' }, { actorUserId: 'user-1', task: null, guide });
  assert.equal(recalled.stepKey, 'review');
  assert.deepEqual(recalled.cancelTaskIds, ['step-decide-unit-a']);
  assert.equal(codeOf(() => planTransition(handedOver, permit, { action: 'recall', reason: 'x' }, { actorUserId: 'user-2', task: null, guide })), 'CASE_RECALL_NOT_POSSIBLE');
  const touched = { ...handedOver, openTasks: [task('decide', 'step', 'unit-a', true)] };
  assert.equal(codeOf(() => planTransition(touched, permit, { action: 'recall', reason: 'x' }, { actorUserId: 'user-1', task: null, guide })), 'CASE_RECALL_NOT_POSSIBLE');
});

test('countersign opens one task per unit and replies close them', () => {
  const plan = planTransition(state({}), permit, { action: 'countersign', unitIds: ['unit-b', 'unit-c', 'unit-b'], question: '请会签' }, context(state({})));
  assert.deepEqual(plan.openTasks.map((open) => open.handledBy), [{ unitId: 'unit-b' }, { unitId: 'unit-c' }]);
  const waiting = state({ openTasks: [task('review'), task('review', 'countersign', 'unit-b')] });
  const reply = planTransition(waiting, permit, { action: 'countersign_reply', agree: false, opinion: '不同意' }, { actorUserId: 'u', task: task('review', 'countersign', 'unit-b'), guide });
  assert.deepEqual(reply.closeTaskIds, ['countersign-review-unit-b']);
  assert.equal(reply.status, 'in_progress');
});

test('a penalty decision keeps to the discretion standard', () => {
  const atDecide = state({ currentStepKey: 'decide', openTasks: [task('decide')] });
  const fined = planTransition(atDecide, penalty, { action: 'penalize', circumstance: 'minor', amount: 60_000, opinion: '责令改正并罚款', legalBasis: '《食品安全法》第一百二十二条' }, context(atDecide));
  assert.deepEqual(fined.fine, { amount: 60_000, circumstance: 'minor' });
  assert.equal(fined.outcome, 'penalized');
  assert.equal(fined.stepKey, 'deliver');
  assert.equal(codeOf(() => planTransition(atDecide, penalty, { action: 'penalize', circumstance: 'minor', amount: 80_000, opinion: '罚款', legalBasis: '同上' }, context(atDecide))), 'CASE_FINE_OUT_OF_RANGE');
  assert.equal(codeOf(() => planTransition(atDecide, penalty, { action: 'penalize', circumstance: 'unknown', amount: 1, opinion: '罚款', legalBasis: '同上' }, context(atDecide))), 'CASE_CIRCUMSTANCE_UNKNOWN');
  assert.equal(codeOf(() => planTransition(atDecide, permit, { action: 'penalize', circumstance: 'minor', amount: 60_000, opinion: '罚款', legalBasis: '同上' }, context(atDecide))), 'CASE_ACTION_NOT_AT_STEP');
});

test('withdrawal ends the case from any open state and cancels every task', () => {
  for (const status of ['submitted', 'supplementing', 'in_progress', 'suspended'] as const) {
    const current = state({ status, openTasks: [task('review'), task('review', 'countersign', 'unit-b')] });
    const plan = planTransition(current, permit, { action: 'withdraw', reason: '不再需要' }, { actorUserId: 'applicant', task: null, guide });
    assert.equal(plan.status, 'withdrawn');
    assert.equal(plan.cancelTaskIds.length, 2);
  }
});
