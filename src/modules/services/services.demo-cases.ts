// Demo cases in every state — waiting, supplementing, in review, at decision, suspended, in
// countersign, near and past the deadline, concluded, refused, withdrawn, on-the-spot and penalty —
// made through the same use cases staff and citizens use, with the clock set back to when each
// step happened, so their timelines and deadlines are real.
import { Readable } from 'node:stream';
import type { Actor } from '../../core/auth/actor.ts';
import type { WorkingCalendar } from '../../core/calendar/working-days.ts';
import type { Db } from '../../core/db/database.ts';
import { storeUpload, type BlobStore } from '../../core/files/index.ts';
import { buildActorOfUsername, demoCitizens, demoCompanies, demoStaff, demoUnits, findUnitByReference } from '../identity/index.ts';
import type { CaseCommand } from './case-commands.schema.ts';
import { demoServiceItems } from './demo/demo-items.ts';
import { buildPlaceholderPdf } from './demo/placeholder-pdf.ts';
import { actOnCase, registerWalkIn, submitApplication, withdrawCase, type CaseDeps } from './cases.service.ts';
import { getPublishedGuide } from './service-catalogue.service.ts';
import type { FormField, ServiceGuide } from './service-guide.schema.ts';

type Role = 'applicant' | 'window' | 'reviewer' | 'head' | 'health';
interface Step {
  daysAgo: number;
  by: Role;
  command: CaseCommand;
}
interface Scenario {
  code: string;
  applicant: string;
  steps: Step[];
  submittedDaysAgo: number;
  /** Registered by staff (window or, for penalties, the enforcing unit) instead of applied for online. */
  walkIn?: 'window' | 'reviewer';
}

const supplement: CaseCommand = { action: 'request_supplement', items: [{ materialKey: null, name: '经营场所产权证明或租赁合同', requirement: '请提供在有效期内的租赁合同复印件并加盖公章' }], note: '' };
const reason = { reason: '申请材料显示不符合法定条件', legalBasis: '《中华人民共和国行政许可法》第三十八条第二款' };

const SCENARIOS: Scenario[] = [
  { code: '000103010001', applicant: 'liu.yang', submittedDaysAgo: 0, steps: [] },
  { code: '000103010001', applicant: 'zhang.yuting', submittedDaysAgo: 3, steps: [{ daysAgo: 2, by: 'window', command: supplement }] },
  { code: '000103010001', applicant: 'shifan.nongye', submittedDaysAgo: 9, steps: [{ daysAgo: 8, by: 'window', command: { action: 'accept', opinion: '材料齐全，予以受理' } }, { daysAgo: 7, by: 'reviewer', command: { action: 'forward', opinion: '经审查符合条件，建议准予许可' } }] },
  { code: '000105050001', applicant: 'chen.xiuying', submittedDaysAgo: 6, steps: [{ daysAgo: 5, by: 'window', command: { action: 'accept', opinion: '' } }] },
  { code: '000105050001', applicant: 'li.guoqiang', submittedDaysAgo: 12, steps: [{ daysAgo: 11, by: 'window', command: { action: 'accept', opinion: '' } }, { daysAgo: 3, by: 'reviewer', command: { action: 'suspend', procedure: 'site_inspection', reason: '入户核查家庭经济状况', plannedDays: 5 } }] },
  { code: '000107010002', applicant: 'shifan.nongye', submittedDaysAgo: 16, steps: [{ daysAgo: 15, by: 'window', command: { action: 'accept', opinion: '' } }, { daysAgo: 2, by: 'reviewer', command: { action: 'countersign', unitIds: ['@dept.health'], question: '项目是否涉及公共卫生设施配建要求，请会签' } }] },
  { code: '000106010001', applicant: 'wang.haoran', submittedDaysAgo: 20, steps: [{ daysAgo: 19, by: 'window', command: { action: 'accept', opinion: '' } }, { daysAgo: 18, by: 'reviewer', command: { action: 'forward', opinion: '犬只已免疫' } }, { daysAgo: 17, by: 'head', command: { action: 'approve', opinion: '准予登记' } }, { daysAgo: 16, by: 'window', command: { action: 'conclude', opinion: '犬牌已领取', fees: [] } }] },
  { code: '000106010001', applicant: 'liu.yang', submittedDaysAgo: 14, steps: [{ daysAgo: 13, by: 'window', command: { action: 'refuse', reason: '申请人住所不在本县重点管理区域，不属于本机关受理范围', legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项' } }] },
  { code: '000104050001', applicant: 'zhang.yuting', submittedDaysAgo: 10, steps: [{ daysAgo: 9, by: 'window', command: { action: 'accept', opinion: '' } }, { daysAgo: 8, by: 'reviewer', command: { action: 'forward', opinion: '缴费不满一年' } }, { daysAgo: 7, by: 'head', command: { action: 'deny', ...reason } }, { daysAgo: 6, by: 'window', command: { action: 'conclude', opinion: '决定书已送达', fees: [] } }] },
  { code: '000104050001', applicant: 'wang.haoran', submittedDaysAgo: 5, steps: [{ daysAgo: 4, by: 'applicant', command: { action: 'withdraw', reason: '已重新就业' } }] },
  { code: '000110200001', applicant: 'zhang.yuting', submittedDaysAgo: 3, steps: [{ daysAgo: 2, by: 'window', command: { action: 'accept', opinion: '' } }] },
  { code: '000103010002', applicant: 'li.guoqiang', submittedDaysAgo: 0, walkIn: 'window', steps: [{ daysAgo: 0, by: 'window', command: { action: 'accept', opinion: '' } }, { daysAgo: 0, by: 'window', command: { action: 'approve', opinion: '当场办结' } }] },
  { code: '000103010002', applicant: 'chen.xiuying', submittedDaysAgo: 0, steps: [] },
  { code: '000103020001', applicant: 'shifan.nongye', submittedDaysAgo: 10, walkIn: 'reviewer', steps: [{ daysAgo: 9, by: 'head', command: { action: 'accept', opinion: '予以立案' } }] },
];

function sampleValue(field: FormField, applicant: { name: string; idNumber: string; phone: string; personId: string; companyCode: string }, today: string): string {
  switch (field.type) {
    case 'resident_id': return applicant.personId;
    case 'credit_code': return applicant.companyCode;
    case 'phone': return applicant.phone;
    case 'email': return 'applicant@example.cn';
    case 'date': return today;
    case 'number': return '1';
    case 'select': return field.options?.[0] ?? '';
    case 'textarea': return '（示例）申请事项说明';
    default: return field.key.includes('name') ? applicant.name : `示例${field.label}`;
  }
}

/** Creates the demo cases; skipped silently when an item or account is missing (the catalogue changed). */
export async function seedDemoCases(db: Db, deps: { calendar: () => WorkingCalendar; now: () => Date; store: BlobStore; itemIdsByCode: Map<string, string> }): Promise<number> {
  const actors = new Map<string, Actor>();
  const actorOf = async (username: string) => {
    if (!actors.has(username)) {
      const actor = await buildActorOfUsername(db, username);
      if (actor) actors.set(username, actor);
    }
    return actors.get(username);
  };
  let created = 0;
  const base = deps.now().getTime();
  for (const scenario of SCENARIOS) {
    const demo = demoServiceItems.find((item) => item.guide.basicCode === scenario.code && !item.guide.variantCode);
    const itemId = deps.itemIdsByCode.get(scenario.code);
    if (!demo || !itemId) continue;
    const unitStaff = demoStaff.filter((person) => person.unitKey === demo.unitKey);
    const roles: Record<Role, string | undefined> = {
      applicant: scenario.applicant,
      window: 'deng.xiao',
      reviewer: unitStaff.find((person) => person.roleCode === 'dept_staff')?.username,
      head: unitStaff.find((person) => person.roleCode === 'dept_head')?.username,
      health: 'liang.kai',
    };
    const moments = [scenario.submittedDaysAgo, ...scenario.steps.map((step) => step.daysAgo)].map((daysAgo, index, all) => new Date(base - daysAgo * 86_400_000 - (all.length - index) * 60_000));
    const at = (index: number): CaseDeps => ({ db, calendar: deps.calendar, now: () => moments[index] as Date });
    const guide: ServiceGuide = (await getPublishedGuide(db, itemId)).guide;
    const citizen = demoCitizens.find((person) => person.username === scenario.applicant);
    const company = demoCompanies.find((entry) => entry.username === scenario.applicant);
    // A company's forms ask for its representative's ID number: the demo uses the first demo citizen's.
    const personId = citizen?.residentId ?? demoCitizens[0]?.residentId ?? '';
    const companyCode = company?.creditCode ?? demoCompanies[0]?.creditCode ?? '';
    const applicant = { name: citizen?.displayName ?? company?.name ?? '', idNumber: citizen?.residentId ?? company?.creditCode ?? '', phone: citizen?.phone ?? company?.phone ?? '', personId, companyCode };
    const today = moments[0]!.toISOString().slice(0, 10);
    const form = Object.fromEntries(guide.form.map((field) => [field.key, sampleValue(field, applicant, today)]));
    let caseId: string;
    if (scenario.walkIn) {
      const registrar = await actorOf(roles[scenario.walkIn] ?? '');
      if (!registrar) continue;
      const kind = company ? 'company' as const : 'person' as const;
      caseId = (await registerWalkIn(at(0), registrar, { itemId, applicant: { kind, name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone }, form, materials: [] })).id;
    } else {
      const actor = await actorOf(scenario.applicant);
      if (!actor) continue;
      const materials = [];
      for (const material of guide.materials.filter((candidate) => candidate.required)) {
        const file = await storeUpload(db, deps.store, actor, { ownerType: 'upload', ownerId: actor.userId as string, originalName: `${material.name}.pdf`, stream: Readable.from([buildPlaceholderPdf(material.key)]), maxBytes: 1_000_000 });
        materials.push({ materialKey: material.key, fileIds: [file.id] });
      }
      caseId = (await submitApplication(at(0), actor, { itemId, form, materials }, null)).id;
    }
    let version = 1;
    for (const [index, step] of scenario.steps.entries()) {
      const actor = await actorOf(roles[step.by] ?? '');
      if (!actor) break;
      let command = step.command;
      if (command.action === 'countersign') command = { ...command, unitIds: await resolveUnitKeys(db, command.unitIds) };
      version = step.by === 'applicant' && command.action === 'withdraw'
        ? (await withdrawCase(at(index + 1), actor, caseId, { version, reason: command.reason })).version
        : (await actOnCase(at(index + 1), actor, caseId, version, command)).version;
    }
    created += 1;
  }
  return created;
}

async function resolveUnitKeys(db: Db, keys: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const key of keys) {
    const unit = demoUnits.find((candidate) => `@${candidate.key}` === key);
    const row = unit?.creditCode ? await findUnitByReference(db, unit.creditCode) : undefined;
    if (row) ids.push(row.id);
  }
  return ids;
}
