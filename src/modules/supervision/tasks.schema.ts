// Shapes of the supervision-task endpoints (督查督办): issuing, the unit's reply and the office's review.
import { z } from 'zod';
import { isValidIsoDate } from '../../core/calendar/working-days.ts';
import { fileMetadataSchema } from '../../core/files/index.ts';

export const taskStatusSchema = z.enum(['open', 'answered', 'closed']);
export const TASK_STATUS_NAMES = { open: '待答复', answered: '待审核', closed: '已办结' } as const;

/** A China date written YYYY-MM-DD; the message is an error code the HTTP layer translates. */
export const isoDateSchema = z.string().refine((value) => isValidIsoDate(value), { error: 'INVALID_DATE' });

export const taskFilterSchema = z.object({
  status: taskStatusSchema.optional(),
  unitId: z.uuid().optional(),
});

export const issueTaskInputSchema = z
  .object({
    unitId: z.uuid('请选择承办单位 / choose the unit'),
    title: z.string().trim().min(2, '请填写督办事项标题 / give the task a title').max(200),
    content: z.string().trim().min(4, '请写明督办内容（至少 4 个字） / describe the task (at least 4 characters)').max(8000),
    /** Due in this many working days from today (the working calendar's count), or on an explicit date. */
    dueInWorkingDays: z.number().int().min(1).max(120).optional(),
    dueOn: isoDateSchema.optional(),
    fileIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict()
  .refine((input) => (input.dueInWorkingDays === undefined) !== (input.dueOn === undefined), {
    message: '请给出办理期限：工作日数或日期，二者选一 / give the due date either as working days or as a date',
    path: ['dueOn'],
  });
export type IssueTaskInput = z.infer<typeof issueTaskInputSchema>;

export const replyTaskInputSchema = z
  .object({
    text: z.string().trim().min(4, '请写明办理情况（至少 4 个字） / describe what was done (at least 4 characters)').max(8000),
    fileIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict();

export const reviewTaskInputSchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    opinion: z.string().trim().max(2000).default(''),
  })
  .strict()
  .refine((input) => input.decision === 'accept' || input.opinion.length >= 2, { message: '退回须写明意见 / a return needs an opinion', path: ['opinion'] });

export const taskViewSchema = z.object({
  id: z.string(),
  taskNumber: z.string(),
  title: z.string(),
  content: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  officeUnitId: z.string(),
  officeUnitName: z.string(),
  issuedByName: z.string(),
  dueOn: z.string(),
  status: taskStatusSchema,
  statusName: z.string(),
  /** Still waiting for the unit's reply after its due date. */
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  /** What the viewer may do with it now. */
  canReply: z.boolean(),
  canReview: z.boolean(),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const taskActionViewSchema = z.object({
  id: z.string(),
  action: z.enum(['issued', 'replied', 'accepted', 'returned']),
  actorName: z.string(),
  note: z.string(),
  occurredAt: z.string(),
  files: z.array(fileMetadataSchema),
});

export const taskDetailSchema = taskViewSchema.extend({ history: z.array(taskActionViewSchema) });
export type TaskDetail = z.infer<typeof taskDetailSchema>;
