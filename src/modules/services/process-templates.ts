// Ready-made processes a unit starts from when it creates an item: a promised licence, an
// on-the-spot item, and an administrative penalty (立案 → 调查取证 → 告知/听证 → 决定 → 送达 → 执行 → 结案).
import type { ProcessDefinitionInput } from './process.schema.ts';

export type ProcessTemplateName = 'promised' | 'immediate' | 'penalty';

/** A promised item split into limits that fit inside `promisedDays`. */
function promisedProcess(promisedDays: number): ProcessDefinitionInput {
  const review = Math.max(1, Math.floor(promisedDays * 0.5));
  const decide = Math.max(1, Math.floor(promisedDays * 0.3));
  return {
    steps: [
      { key: 'accept', name: '受理', kind: 'accept', handledBy: 'intake', permission: 'services.cases.accept', limitDays: 5, actions: ['accept', 'refuse', 'request_supplement', 'transfer'] },
      { key: 'review', name: '审查', kind: 'review', handledBy: 'owner', permission: 'services.cases.review', limitDays: review, actions: ['forward', 'send_back', 'request_supplement', 'transfer', 'countersign', 'suspend'] },
      { key: 'decide', name: '决定', kind: 'decide', handledBy: 'owner', permission: 'services.cases.decide', limitDays: decide, actions: ['approve', 'deny', 'send_back', 'suspend'] },
      { key: 'deliver', name: '制证送达', kind: 'finish', handledBy: 'intake', permission: 'services.cases.accept', limitDays: Math.max(1, promisedDays - review - decide), actions: ['conclude'] },
    ],
    specialProcedures: [
      { kind: 'expert_review', maxDays: 20 },
      { kind: 'site_inspection', maxDays: 10 },
      { kind: 'hearing', maxDays: 20 },
    ],
  };
}

const immediateProcess: ProcessDefinitionInput = {
  steps: [
    { key: 'accept', name: '受理', kind: 'accept', handledBy: 'intake', permission: 'services.cases.accept', limitDays: 0, actions: ['accept', 'refuse', 'request_supplement'] },
    { key: 'decide', name: '审批办结', kind: 'decide', handledBy: 'intake', permission: 'services.cases.accept', limitDays: 0, actions: ['approve', 'deny'] },
  ],
  specialProcedures: [],
};

function penaltyProcess(promisedDays: number): ProcessDefinitionInput {
  return {
    steps: [
      { key: 'register', name: '立案', kind: 'accept', handledBy: 'owner', permission: 'services.cases.decide', limitDays: 5, actions: ['accept', 'refuse'] },
      { key: 'investigate', name: '调查取证', kind: 'review', handledBy: 'owner', permission: 'services.cases.review', limitDays: Math.max(5, Math.floor(promisedDays * 0.5)), actions: ['forward', 'suspend', 'countersign'] },
      { key: 'inform', name: '告知/听证', kind: 'review', handledBy: 'owner', permission: 'services.cases.review', limitDays: 10, actions: ['forward', 'send_back', 'suspend'] },
      { key: 'decide', name: '决定', kind: 'decide', handledBy: 'owner', permission: 'services.cases.decide', limitDays: 7, actions: ['penalize', 'no_penalty', 'send_back'] },
      { key: 'deliver', name: '送达', kind: 'finish', handledBy: 'owner', permission: 'services.cases.review', limitDays: 7, actions: ['forward'] },
      { key: 'execute', name: '执行', kind: 'finish', handledBy: 'owner', permission: 'services.cases.review', limitDays: 15, actions: ['forward'] },
      { key: 'close', name: '结案', kind: 'finish', handledBy: 'owner', permission: 'services.cases.decide', limitDays: 5, actions: ['conclude'] },
    ],
    specialProcedures: [
      { kind: 'hearing', maxDays: 30 },
      { kind: 'testing', maxDays: 30 },
    ],
  };
}

/** The template process for an item of the given shape. */
export function processFromTemplate(template: ProcessTemplateName, promisedDays: number): ProcessDefinitionInput {
  if (template === 'immediate') return immediateProcess;
  if (template === 'penalty') return penaltyProcess(promisedDays);
  return promisedProcess(promisedDays);
}
