// A process definition (办理流程): the ordered steps a case moves through, who acts at each, each
// step's limit and the actions allowed there. Versioned with the item: a case pins the version it
// was applied under, so changing a process never changes a case already running.
import { z } from 'zod';

/** What a step does decides which actions make sense there. */
export const STEP_KINDS = ['accept', 'review', 'decide', 'finish'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Actions staff take at a step (the applicant's supply/withdraw and the recall/resume moves are implicit). */
export const STEP_ACTIONS = ['accept', 'refuse', 'request_supplement', 'forward', 'send_back', 'transfer', 'countersign', 'suspend', 'approve', 'deny', 'penalize', 'no_penalty', 'conclude'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

const ACTIONS_BY_KIND: Record<StepKind, readonly StepAction[]> = {
  accept: ['accept', 'refuse', 'request_supplement', 'transfer'],
  review: ['forward', 'send_back', 'request_supplement', 'transfer', 'countersign', 'suspend'],
  decide: ['approve', 'deny', 'penalize', 'no_penalty', 'send_back', 'countersign', 'suspend'],
  finish: ['forward', 'conclude', 'send_back'],
};

/** The permission a staff member needs to act at a step. */
export const STEP_PERMISSIONS = ['services.cases.accept', 'services.cases.review', 'services.cases.decide'] as const;
export type StepPermission = (typeof STEP_PERMISSIONS)[number];

/** 特别程序 kinds that suspend the clock, each with a bounded length in working days. */
export const SPECIAL_PROCEDURES = {
  hearing: { zh: '听证', en: 'Hearing' },
  expert_review: { zh: '专家评审', en: 'Expert review' },
  site_inspection: { zh: '现场勘查', en: 'Site inspection' },
  testing: { zh: '检验检测', en: 'Testing' },
  public_notice: { zh: '公示', en: 'Public notice' },
  consultation: { zh: '征求意见', en: 'Consultation' },
} as const;
export type SpecialProcedure = keyof typeof SPECIAL_PROCEDURES;

const stepKey = z.string().trim().regex(/^[a-z][a-z0-9_]{0,29}$/, '步骤键名应为小写字母开头 / step keys are lower-case');

export const processStepSchema = z.object({
  key: stepKey,
  name: z.string().trim().min(1).max(40),
  kind: z.enum(STEP_KINDS),
  /** Who acts: the unit where the case was received (窗口), the item's owning unit, or a named unit. */
  handledBy: z.union([z.literal('intake'), z.literal('owner'), z.object({ unitId: z.uuid() })]),
  permission: z.enum(STEP_PERMISSIONS),
  /** The step's own limit in working days; null when only the case limit applies. */
  limitDays: z.number().int().min(0).max(365).nullable(),
  actions: z.array(z.enum(STEP_ACTIONS)).min(1).max(STEP_ACTIONS.length),
  /** A second approver is needed here (high integrity-risk step). */
  requiresSecondApprover: z.boolean().default(false),
});

export const processDefinitionSchema = z
  .object({
    steps: z.array(processStepSchema).min(1).max(20),
    specialProcedures: z.array(z.object({ kind: z.enum(Object.keys(SPECIAL_PROCEDURES) as [SpecialProcedure, ...SpecialProcedure[]]), maxDays: z.number().int().min(1).max(365) })).max(10).default([]),
  })
  .superRefine((process, context) => {
    const issue = (path: Array<string | number>, message: string) => context.addIssue({ code: 'custom', path, message });
    const keys = new Set<string>();
    process.steps.forEach((step, index) => {
      if (keys.has(step.key)) issue(['steps', index, 'key'], `步骤键名 ${step.key} 重复 / duplicate step key ${step.key}`);
      keys.add(step.key);
      const allowed = ACTIONS_BY_KIND[step.kind];
      for (const action of step.actions) {
        if (!allowed.includes(action)) issue(['steps', index, 'actions'], `“${step.name}”步骤不能执行 ${action} / action ${action} is not possible at a ${step.kind} step`);
      }
      if (step.kind === 'decide' && !step.actions.some((action) => action === 'approve' || action === 'deny' || action === 'penalize' || action === 'no_penalty')) {
        issue(['steps', index, 'actions'], '决定步骤须能作出决定 / a decide step needs a decision action');
      }
      const last = index === process.steps.length - 1;
      if (step.actions.includes('conclude') && !last) issue(['steps', index, 'actions'], '只有最后一步可以办结 / only the last step concludes');
      if (step.actions.includes('forward') && last) issue(['steps', index, 'actions'], '最后一步不能转下一步 / the last step has no next step');
    });
    if (process.steps[0]?.kind !== 'accept') issue(['steps', 0, 'kind'], '第一步须为受理 / the first step must be acceptance');
    if (process.steps.filter((step) => step.kind === 'accept').length > 1) issue(['steps'], '只能有一个受理步骤 / only one acceptance step');
    if (process.steps.filter((step) => step.kind === 'decide').length !== 1) issue(['steps'], '须有且仅有一个决定步骤 / exactly one decide step');
    const lastStep = process.steps.at(-1);
    if (lastStep && lastStep.kind !== 'decide' && !lastStep.actions.includes('conclude')) issue(['steps', process.steps.length - 1, 'actions'], '最后一步须能办结 / the last step must conclude');
    const kinds = new Set<string>();
    process.specialProcedures.forEach((procedure, index) => {
      if (kinds.has(procedure.kind)) issue(['specialProcedures', index, 'kind'], `特别程序 ${procedure.kind} 重复 / duplicate special procedure`);
      kinds.add(procedure.kind);
    });
  });

export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;
export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>;
export type ProcessStep = z.infer<typeof processStepSchema>;

/** The actions a step kind can carry, for editors. */
export function actionsAllowedAt(kind: StepKind): readonly StepAction[] {
  return ACTIONS_BY_KIND[kind];
}
