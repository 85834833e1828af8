// Shapes of the complaint endpoints (投诉): the complainant's own (/api/my/complaints) and the supervising
// office's (/api/supervision/complaints), and the reply deadline setting.
import { z } from 'zod';
import { fileMetadataSchema } from '../../core/files/index.ts';
import { mobilePhoneSchema } from '../../core/ids/index.ts';

export const complaintStatusSchema = z.enum(['submitted', 'handling', 'replied']);
export const COMPLAINT_STATUS_NAMES = { submitted: '已提交', handling: '办理中', replied: '已答复' } as const;

/** The reply deadline in working days from the day a complaint arrives (DOMAIN.md: configurable, 15 by default). */
export const COMPLAINT_POLICY_SETTING = 'supervision.complaintPolicy';
export const complaintPolicySchema = z.object({ replyDays: z.number().int().min(1).max(60) }).strict();
export type ComplaintPolicy = z.infer<typeof complaintPolicySchema>;
export const DEFAULT_COMPLAINT_POLICY: ComplaintPolicy = { replyDays: 15 };

export const submitComplaintInputSchema = z
  .object({
    /** One of the complainant's own cases; its unit is the unit complained about. */
    caseId: z.uuid().optional(),
    /** Or a department or service hall of the county (GET /api/my/complaints/units). */
    unitId: z.uuid().optional(),
    content: z.string().trim().min(10, '请写明投诉的事实和诉求（至少 10 个字） / describe what happened and what you ask for (at least 10 characters)').max(4000),
    contactPhone: mobilePhoneSchema.optional(),
    fileIds: z.array(z.uuid()).max(10).default([]),
  })
  .strict()
  .refine((input) => (input.caseId === undefined) !== (input.unitId === undefined), {
    message: '请选择投诉的办件或单位（二者选一） / choose either the case or the unit you complain about',
    path: ['unitId'],
  });
export type SubmitComplaintInput = z.infer<typeof submitComplaintInputSchema>;

/** What the complainant sees: the status and the reply, never the office's internal notes. */
export const myComplaintViewSchema = z.object({
  id: z.string(),
  complaintNumber: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  unitName: z.string(),
  officeUnitName: z.string(),
  content: z.string(),
  contactPhone: z.string().nullable(),
  status: complaintStatusSchema,
  statusName: z.string(),
  dueOn: z.string(),
  createdAt: z.string(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  files: z.array(fileMetadataSchema),
});
export type MyComplaintView = z.infer<typeof myComplaintViewSchema>;

export const complaintFilterSchema = z.object({
  status: complaintStatusSchema.optional(),
  unitId: z.uuid().optional(),
});

export const complaintViewSchema = z.object({
  id: z.string(),
  complaintNumber: z.string(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  officeUnitName: z.string(),
  complainantName: z.string(),
  complainantKind: z.enum(['citizen', 'company']),
  /** Masked in lists; in full on the complaint itself, which the office opens to call back. */
  contactPhone: z.string().nullable(),
  content: z.string(),
  status: complaintStatusSchema,
  statusName: z.string(),
  dueOn: z.string(),
  /** Not yet answered after its due date. */
  overdue: z.boolean(),
  createdAt: z.string(),
  repliedAt: z.string().nullable(),
  canHandle: z.boolean(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

export const complaintActionViewSchema = z.object({
  id: z.string(),
  action: z.enum(['submitted', 'noted', 'replied']),
  actorName: z.string(),
  note: z.string(),
  occurredAt: z.string(),
});

export const complaintDetailSchema = complaintViewSchema.extend({
  reply: z.string().nullable(),
  files: z.array(fileMetadataSchema),
  history: z.array(complaintActionViewSchema),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const complaintNoteInputSchema = z.object({ note: z.string().trim().min(2, '请填写办理情况 / write the handling note').max(4000) }).strict();
export const complaintReplyInputSchema = z.object({ reply: z.string().trim().min(4, '请填写给投诉人的答复（至少 4 个字） / write the reply to the complainant (at least 4 characters)').max(4000) }).strict();

export const complaintUnitSchema = z.object({ id: z.string(), name: z.string(), kind: z.string() });
