// Shapes of the case endpoints: applications, staff actions, queue, search and case views.
import { z } from 'zod';
import { optionalFilter } from '../../core/http/pagination.ts';
import { creditCodeSchema, mobilePhoneSchema, residentIdSchema } from '../../core/ids/index.ts';
import { applicantCommandSchema, staffCommandSchema } from './case-commands.schema.ts';
import { processDefinitionSchema } from './process.schema.ts';
import { discretionSchema, feeSchema, materialSchema } from './service-guide.schema.ts';

export const caseStatusSchema = z.enum(['submitted', 'supplementing', 'in_progress', 'suspended', 'concluded', 'refused', 'withdrawn']);
export const timeStateSchema = z.enum(['not_started', 'normal', 'warning', 'overdue', 'paused', 'stopped']);

const formValues = z.record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.null()])).refine((record) => Object.keys(record).length <= 60, '表单项过多 / too many fields');
// fileIds: fresh uploads of the applicant; reuseFileIds: files of their earlier cases (GET /api/my/materials).
const materialInput = z
  .object({ materialKey: z.string().min(1).max(40), fileIds: z.array(z.uuid()).max(10).default([]), reuseFileIds: z.array(z.uuid()).max(10).default([]) })
  .refine((material) => material.fileIds.length + material.reuseFileIds.length > 0, { message: '每项材料至少一个文件 / each material needs a file', path: ['fileIds'] });

export const applicationInputSchema = z.object({
  itemId: z.uuid(),
  form: formValues,
  materials: z.array(materialInput).max(60).default([]),
  /** The draft this application was prepared in; it is removed once the case exists. */
  draftId: z.uuid().optional(),
});

export const walkInInputSchema = z.object({
  itemId: z.uuid(),
  applicant: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), name: z.string().trim().min(1).max(60), idNumber: residentIdSchema, phone: mobilePhoneSchema.optional(), email: z.email().max(120).optional() }),
    z.object({ kind: z.literal('company'), name: z.string().trim().min(1).max(120), idNumber: creditCodeSchema, phone: mobilePhoneSchema.optional(), email: z.email().max(120).optional() }),
  ]),
  form: formValues,
  materials: z.array(materialInput).max(60).default([]),
});

export const draftInputSchema = z.object({ itemId: z.uuid(), form: z.record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.null()])), materials: z.array(materialInput).max(60).default([]) });

export const staffActionInputSchema = z.object({ version: z.number().int().min(1), command: staffCommandSchema });
export const applicantActionInputSchema = z.object({ version: z.number().int().min(1), command: applicantCommandSchema });
export const supplyInputSchema = z.object({ version: z.number().int().min(1), materials: z.array(materialInput).min(1).max(60), note: z.string().trim().max(1000).default('') });

export const caseFilterSchema = z.object({
  q: optionalFilter,
  itemId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  status: caseStatusSchema.optional(),
  timeState: timeStateSchema.optional(),
  channel: z.enum(['online', 'window', 'pushed']).optional(),
  submittedFrom: z.iso.date().optional(),
  submittedTo: z.iso.date().optional(),
});

export const queueFilterSchema = z.object({ q: optionalFilter, timeState: timeStateSchema.optional() });

export const caseSummarySchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  unitName: z.string(),
  applicantName: z.string(),
  channel: z.string(),
  status: caseStatusSchema,
  statusName: z.string(),
  outcome: z.string().nullable(),
  currentStepKey: z.string().nullable(),
  submittedAt: z.string(),
  caseDeadline: z.string().nullable(),
  stepDeadline: z.string().nullable(),
  timeState: z.string(),
  remainingDays: z.number().nullable(),
  version: z.number(),
});

export const queueEntrySchema = z.object({
  taskId: z.string(),
  taskKind: z.enum(['step', 'countersign']),
  stepKey: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  channel: z.string(),
  status: caseStatusSchema,
  caseKind: z.string(),
  caseDeadline: z.string().nullable(),
  stepDeadline: z.string().nullable(),
  timeState: z.string(),
  remainingDays: z.number().nullable(),
  waitingSince: z.string(),
  version: z.number(),
});

const clockSchema = z.object({
  timeState: z.string(),
  startedOn: z.string().nullable(),
  caseDeadline: z.string().nullable(),
  statutoryDeadline: z.string().nullable(),
  stepDeadline: z.string().nullable(),
  remainingDays: z.number().nullable(),
  stepRemainingDays: z.number().nullable(),
  stepOverdue: z.boolean(),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string(), label: z.string(), workingDays: z.number() })),
  explanation: z.array(z.string()),
});

export const caseDetailSchema = caseSummarySchema.extend({
  intakeUnitName: z.string(),
  caseKind: z.string(),
  promisedDays: z.number(),
  statutoryDays: z.number().nullable(),
  applicant: z.object({ kind: z.string(), name: z.string(), idNumber: z.string(), phone: z.string().nullable() }),
  form: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  materials: z.array(z.object({ id: z.string(), materialKey: z.string(), name: z.string(), source: z.string(), fileId: z.string().nullable(), fileName: z.string().nullable(), fileSize: z.number().nullable(), round: z.number(), createdAt: z.string() })),
  steps: z.array(z.object({ key: z.string(), name: z.string(), state: z.enum(['done', 'current', 'pending']), limitDays: z.number().nullable() })),
  timeline: z.array(z.object({ seq: z.number(), type: z.string(), typeName: z.string(), stepKey: z.string().nullable(), stepName: z.string().nullable(), actorName: z.string(), occurredAt: z.string(), detail: z.record(z.string(), z.unknown()) })),
  tasks: z.array(z.object({ id: z.string(), stepKey: z.string(), kind: z.string(), unitName: z.string(), status: z.string(), openedAt: z.string(), closedAt: z.string().nullable(), opinion: z.string().nullable() })),
  clock: clockSchema,
  supplementRequest: z.array(z.object({ materialKey: z.string().nullable(), name: z.string(), requirement: z.string() })).nullable(),
  /** Actions the viewer can take now (staff: commands; applicant: supply/withdraw/rate). */
  allowedActions: z.array(z.string()),
  /** The PDF notices the case has so far (acceptance, refusal, supplement, approval, denial, penalty). */
  notices: z.array(z.string()),
  /** Only the applicant sees the query code. */
  queryCode: z.string().nullable(),
  /**
   * What the item version the case is bound to (pinned at submission) offers staff's action forms: its materials,
   * fees (what supervision checks collected fees against), discretion standard and special procedures. Null for
   * anyone but staff.
   */
  pinnedItem: z
    .object({
      materials: z.array(materialSchema),
      charged: z.boolean(),
      fees: z.array(feeSchema),
      discretion: z.array(discretionSchema),
      specialProcedures: processDefinitionSchema.shape.specialProcedures,
    })
    .nullable(),
});

export const receiptSchema = z.object({ id: z.string(), caseNumber: z.string(), queryCode: z.string(), submittedAt: z.string(), itemName: z.string(), version: z.number() });

export const lookupInputSchema = z.object({ caseNumber: z.string().trim().min(5).max(40), queryCode: z.string().trim().min(4).max(12) });

export const reusableMaterialSchema = z.object({ fileId: z.string(), materialKey: z.string(), name: z.string(), fileName: z.string().nullable(), caseNumber: z.string(), itemName: z.string(), submittedAt: z.string() });

export type ApplicationInput = z.infer<typeof applicationInputSchema>;
export type WalkInInput = z.infer<typeof walkInInputSchema>;
export type CaseFilterInput = z.infer<typeof caseFilterSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type Receipt = z.infer<typeof receiptSchema>;
