// The checks of a case's record beyond its deadlines (DOMAIN.md, Supervision): process legality, completeness
// of materials, fees, penalty discretion and off-system handling (事后补录, 体外循环). The service hall's own
// engine refuses most of these at the window; a case pushed from a department's own system arrives with
// whatever that system recorded, so every case is checked the same way after each of its events. Pure: the
// facts come from the service hall, the levels and thresholds from the rules.
//
// Each violation names its check and an occurrence (which event, which fee) so that its finding is raised
// once and stays raised: a violation is a fact of the record, not a state that passes.
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import { todayInChina } from '../../core/calendar/working-days.ts';

export interface CaseRecordEvent {
  seq: number;
  type: string;
  stepKey?: string | null;
  actorUserId?: string | null;
  occurredAt: string;
  detail: Record<string, unknown>;
}

export interface CaseRecordFacts {
  channel: string;
  /** When the case entered this platform. */
  enteredAt: string;
  /** When the applicant submitted it, as recorded. */
  submittedAt: string;
  requiredMaterialKeys: readonly string[];
  /** Materials on record when the case was accepted (all so far while it is not). */
  materialKeysAtAcceptance: readonly string[];
  /** Whether the item charges fees at all, and its standard fees. */
  charged: boolean;
  standardFees: ReadonlyArray<{ name: string; amount: number }>;
  circumstances: ReadonlyArray<{ code: string; fineMin: number; fineMax: number }>;
  /** Steps that need a second approver: the process's own and the integrity risk register's. */
  secondApproverStepKeys: readonly string[];
  /** The permission each step requires of whoever decides at it. */
  stepPermissions?: Readonly<Record<string, string>>;
  /** The permissions held by each member of staff who took a decision in the record (by user id). */
  deciderPermissions?: ReadonlyMap<string, ReadonlySet<string>>;
  events: readonly CaseRecordEvent[];
}

export const CASE_CHECK_CODES = [
  'legality.order',
  'legality.reason',
  'legality.supplement_repeated',
  'legality.refused_complete',
  'legality.second_approver',
  'legality.decider_role',
  'completeness.materials',
  'fees.unlisted',
  'fees.amount',
  'discretion.fine',
  'offsystem.entered_after_decision',
  'offsystem.backdated',
] as const;
export type CaseCheckCode = (typeof CASE_CHECK_CODES)[number];

export interface CaseCheckSettings {
  /** offsystem.backdated: the most working days a submission may precede its entry into the platform. */
  maxEntryDelayDays: number;
}

export interface CaseViolation {
  code: CaseCheckCode;
  /** Which occurrence in the record, stable across evaluations (an event's seq, a fee's name). */
  occurrence: string;
  /** What is wrong, in Chinese, for the finding's history and the notices. */
  detail: string;
}

const ENDING = new Set(['concluded', 'refused', 'withdrawn']);

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function money(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Every violation the record of one case shows. */
export function checkCaseRecord(facts: CaseRecordFacts, calendar: WorkingCalendar, settings: CaseCheckSettings): CaseViolation[] {
  return [...checkOrder(facts), ...checkReasons(facts), ...checkSupplements(facts), ...checkSecondApprover(facts), ...checkDeciders(facts), ...checkMaterials(facts), ...checkFees(facts), ...checkFines(facts), ...checkOffSystem(facts, calendar, settings)];
}

// A decision needs an acceptance before it; a conclusion needs a decision; nothing follows the end.
function checkOrder(facts: CaseRecordFacts): CaseViolation[] {
  const violations: CaseViolation[] = [];
  let accepted = false;
  let decided = false;
  let ended = false;
  for (const event of facts.events) {
    if (ended && event.type !== 'noted' && event.type !== 'rated') violations.push({ code: 'legality.order', occurrence: `${event.seq}`, detail: `办件已结束后仍有“${event.type}”操作` });
    if (event.type === 'accepted') accepted = true;
    if (event.type === 'decided') {
      if (!accepted) violations.push({ code: 'legality.order', occurrence: `${event.seq}`, detail: '未经受理即作出决定（跳过受理环节）' });
      decided = true;
    }
    if (event.type === 'refused' && accepted) violations.push({ code: 'legality.order', occurrence: `${event.seq}`, detail: '受理后又作出不予受理决定' });
    if (event.type === 'concluded' && !decided) violations.push({ code: 'legality.order', occurrence: `${event.seq}`, detail: '未作出决定即办结' });
    if (ENDING.has(event.type)) ended = true;
  }
  return violations;
}

// A refusal, a denial or a decision not to punish states its reason and its legal basis.
function checkReasons(facts: CaseRecordFacts): CaseViolation[] {
  const violations: CaseViolation[] = [];
  for (const event of facts.events) {
    const outcome = text(event.detail.outcome);
    const negative = event.type === 'refused' || (event.type === 'decided' && (outcome === 'denied' || outcome === 'no_penalty'));
    if (!negative) continue;
    const missing = [text(event.detail.reason) ? null : '理由', text(event.detail.legalBasis) ? null : '法律依据'].filter((part) => part !== null);
    if (missing.length > 0) violations.push({ code: 'legality.reason', occurrence: `${event.seq}`, detail: `${event.type === 'refused' ? '不予受理' : '不予许可/不予处罚'}未说明${missing.join('和')}` });
  }
  return violations;
}

// 一次性告知: everything missing is asked for once.
function checkSupplements(facts: CaseRecordFacts): CaseViolation[] {
  const requests = facts.events.filter((event) => event.type === 'supplement_requested');
  const violations: CaseViolation[] = requests.slice(1).map((event) => ({ code: 'legality.supplement_repeated', occurrence: `${event.seq}`, detail: '多次要求补正材料（应一次性告知）' }));
  const refusal = facts.events.find((event) => event.type === 'refused');
  const missing = facts.requiredMaterialKeys.filter((key) => !facts.materialKeysAtAcceptance.includes(key));
  if (refusal && requests.length === 0 && missing.length === 0 && facts.channel !== 'pushed') {
    violations.push({ code: 'legality.refused_complete', occurrence: `${refusal.seq}`, detail: '申请材料齐全且未要求补正，却不予受理' });
  }
  return violations;
}

// 廉政风险点: at a high-risk step, the person who completes it is not the only one who looked: another member of
// staff has recorded an opinion (批注) or a countersignature at that step since the case last entered it.
const COMPLETING = new Set(['accepted', 'refused', 'forwarded', 'decided', 'concluded']);

function checkSecondApprover(facts: CaseRecordFacts): CaseViolation[] {
  if (facts.secondApproverStepKeys.length === 0) return [];
  const violations: CaseViolation[] = [];
  const othersAtStep = new Map<string, Set<string>>();
  for (const event of facts.events) {
    const step = event.stepKey ?? null;
    if (step === null || !facts.secondApproverStepKeys.includes(step)) continue;
    const actors = othersAtStep.get(step) ?? new Set<string>();
    othersAtStep.set(step, actors);
    if ((event.type === 'noted' || event.type === 'countersigned') && event.actorUserId) actors.add(event.actorUserId);
    if (!COMPLETING.has(event.type) || !event.actorUserId) continue;
    if (![...actors].some((actor) => actor !== event.actorUserId)) violations.push({ code: 'legality.second_approver', occurrence: `${event.seq}`, detail: `高风险环节“${step}”未经第二人审核即由同一人办理` });
    othersAtStep.delete(step);
  }
  return violations;
}

// A decision (or refusal) taken by someone who does not hold the step's permission: the service hall's own engine
// refuses that at the moment of acting, so this catches decisions recorded by other paths. Only the newest event
// is judged — the one just committed — because permissions are looked up now and may since have changed for
// older ones.
function checkDeciders(facts: CaseRecordFacts): CaseViolation[] {
  const event = facts.events.at(-1);
  if (!event || !facts.stepPermissions || !facts.deciderPermissions) return [];
  if ((event.type !== 'decided' && event.type !== 'refused') || !event.actorUserId || !event.stepKey) return [];
  const required = facts.stepPermissions[event.stepKey];
  const held = facts.deciderPermissions.get(event.actorUserId);
  return required && held && !held.has(required) ? [{ code: 'legality.decider_role', occurrence: `${event.seq}`, detail: `作出决定的人员不具有“${event.stepKey}”环节所需的权限（${required}）` }] : [];
}

function checkMaterials(facts: CaseRecordFacts): CaseViolation[] {
  const acceptance = facts.events.find((event) => event.type === 'accepted');
  if (!acceptance || facts.channel === 'pushed') return [];
  const missing = facts.requiredMaterialKeys.filter((key) => !facts.materialKeysAtAcceptance.includes(key));
  return missing.length > 0 ? [{ code: 'completeness.materials', occurrence: `${acceptance.seq}`, detail: `受理时缺少必要材料：${missing.join('、')}` }] : [];
}

// Fees charged are recorded on the events that collect them (a list of { name, amount }).
function checkFees(facts: CaseRecordFacts): CaseViolation[] {
  const violations: CaseViolation[] = [];
  for (const event of facts.events) {
    const fees = Array.isArray(event.detail.fees) ? (event.detail.fees as Array<Record<string, unknown>>) : [];
    for (const fee of fees) {
      const name = text(fee.name);
      const amount = money(fee.amount);
      const standard = facts.charged ? facts.standardFees.find((candidate) => candidate.name === name) : undefined;
      if (!standard) violations.push({ code: 'fees.unlisted', occurrence: `${event.seq}:${name}`, detail: `收取了事项未列明的费用“${name}”（${amount ?? '?'} 元）` });
      else if (amount === null || Math.abs(amount - standard.amount) > 0.005) violations.push({ code: 'fees.amount', occurrence: `${event.seq}:${name}`, detail: `“${name}”收费 ${amount ?? '?'} 元，标准为 ${standard.amount} 元` });
    }
  }
  return violations;
}

function checkFines(facts: CaseRecordFacts): CaseViolation[] {
  const violations: CaseViolation[] = [];
  for (const event of facts.events) {
    if (event.type !== 'decided' || text(event.detail.outcome) !== 'penalized') continue;
    const amount = money(event.detail.amount ?? event.detail.fineAmount);
    const code = text(event.detail.circumstance);
    const circumstance = facts.circumstances.find((candidate) => candidate.code === code);
    if (!circumstance) violations.push({ code: 'discretion.fine', occurrence: `${event.seq}`, detail: `处罚决定的情形“${code || '未填写'}”不在裁量基准中` });
    else if (amount === null || amount < circumstance.fineMin || amount > circumstance.fineMax) {
      violations.push({ code: 'discretion.fine', occurrence: `${event.seq}`, detail: `罚款 ${amount ?? '?'} 元超出该情形的裁量范围 ${circumstance.fineMin}–${circumstance.fineMax} 元` });
    }
  }
  return violations;
}

// 事后补录: the case entered the platform on a later day than its decision (a department's system reporting the
// same day is on time). 体外循环: the recorded submission precedes the entry by more working days than
// reporting allows.
function checkOffSystem(facts: CaseRecordFacts, calendar: WorkingCalendar, settings: CaseCheckSettings): CaseViolation[] {
  const violations: CaseViolation[] = [];
  const submittedOn = todayInChina(new Date(facts.submittedAt));
  const enteredOn = todayInChina(new Date(facts.enteredAt));
  const decision = facts.events.find((event) => event.type === 'decided' || event.type === 'refused');
  const decidedOn = decision ? todayInChina(new Date(decision.occurredAt)) : null;
  if (decidedOn !== null && decidedOn < enteredOn) violations.push({ code: 'offsystem.entered_after_decision', occurrence: 'entry', detail: `办件 ${decidedOn} 已作出决定，${enteredOn} 才录入系统（事后补录）` });
  if (submittedOn < enteredOn) {
    const delay = calendar.countWorkingDays(submittedOn, enteredOn);
    if (delay > settings.maxEntryDelayDays) violations.push({ code: 'offsystem.backdated', occurrence: 'entry', detail: `申请日期 ${submittedOn} 早于录入系统日期 ${enteredOn}，相隔 ${delay} 个工作日（体外循环）` });
  }
  return violations;
}
