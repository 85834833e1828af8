// Shapes of the intake API through which departments' own business systems push their cases
// (数据自动上报), and of the console endpoints that manage those systems' credentials.
import { z } from 'zod';
import { creditCodeSchema, mobilePhoneSchema, residentIdSchema } from '../../core/ids/index.ts';
import { chargedFeesSchema } from './case-commands.schema.ts';

const moment = z.iso.datetime({ offset: true });

export const pushedEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accepted'), occurredAt: moment }),
  z.object({ type: z.literal('refused'), occurredAt: moment, reason: z.string().trim().min(1).max(2000), legalBasis: z.string().trim().max(1000).default('') }),
  z.object({ type: z.literal('supplement_requested'), occurredAt: moment, items: z.array(z.object({ name: z.string().trim().min(1).max(120), requirement: z.string().trim().max(500).default('') })).min(1).max(40) }),
  z.object({ type: z.literal('supplemented'), occurredAt: moment }),
  z.object({ type: z.literal('suspended'), occurredAt: moment, procedure: z.string().trim().min(1).max(40), reason: z.string().trim().max(2000).default('') }),
  z.object({ type: z.literal('resumed'), occurredAt: moment }),
  z.object({
    type: z.literal('decided'),
    occurredAt: moment,
    outcome: z.enum(['approved', 'denied', 'penalized', 'no_penalty']),
    reason: z.string().trim().max(2000).default(''),
    legalBasis: z.string().trim().max(1000).default(''),
    fineAmount: z.number().min(0).max(100_000_000).optional(),
    circumstance: z.string().trim().max(40).optional(),
  }),
  z.object({ type: z.literal('concluded'), occurredAt: moment, fees: chargedFeesSchema }),
  z.object({ type: z.literal('withdrawn'), occurredAt: moment, reason: z.string().trim().max(2000).default('') }),
]);

export const pushedCaseSchema = z.object({
  /** The case's id in the department's own system; pushing it again updates the same case. */
  externalCaseId: z.string().trim().min(1).max(64).regex(/^[\x21-\x7e]+$/, '外部办件编号须为可见 ASCII 字符 / the external case id must be printable ASCII'),
  /** 实施编码 of the item (or its 基本编码 when the unit has one item with it). */
  itemCode: z.string().trim().min(1).max(36),
  applicant: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), name: z.string().trim().min(1).max(60), idNumber: residentIdSchema, phone: mobilePhoneSchema.optional() }),
    z.object({ kind: z.literal('company'), name: z.string().trim().min(1).max(120), idNumber: creditCodeSchema, phone: mobilePhoneSchema.optional() }),
  ]),
  submittedAt: moment,
  /** What the department's system records of the application (shown to staff as the form). */
  form: z.record(z.string().max(40), z.union([z.string().max(5000), z.number(), z.null()])).default({}),
  /** Every event so far, oldest first; a later push repeats them and adds the new ones. */
  events: z.array(pushedEventSchema).max(100).default([]),
});

export const pushResultSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  result: z.enum(['created', 'updated', 'unchanged']),
  status: z.string(),
  caseDeadline: z.string().nullable(),
  timeState: z.string(),
});

export const externalSystemInputSchema = z.object({ name: z.string().trim().min(2).max(60), unitId: z.uuid() });
export const externalSystemViewSchema = z.object({ id: z.string(), name: z.string(), unitId: z.string(), unitName: z.string(), credentialPrefix: z.string(), status: z.enum(['active', 'disabled']), createdAt: z.string(), lastUsedAt: z.string().nullable() });

export type PushedCase = z.infer<typeof pushedCaseSchema>;
export type PushedEvent = z.infer<typeof pushedEventSchema>;
