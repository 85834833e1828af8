// What staff and applicants can do to a case, one zod shape per action; the request body of
// POST /api/cases/:id/actions is one of these plus the case version the actor saw.
import { z } from 'zod';
import { SPECIAL_PROCEDURES, type SpecialProcedure } from './process.schema.ts';

/** Fees collected when the case is concluded (元), checked by supervision against the item's standard fees. */
export const chargedFeesSchema = z.array(z.object({ name: z.string().trim().min(1).max(80), amount: z.number().min(0).max(100_000_000).multipleOf(0.01) }).strict()).max(20).default([]);
const reason = z.string().trim().min(2, '请填写理由 / give a reason').max(2000);
const legalBasis = z.string().trim().min(2, '请填写法律依据 / give the legal basis').max(1000);
const opinion = z.string().trim().max(2000).default('');

export const staffCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), opinion }),
  z.object({ action: z.literal('refuse'), reason, legalBasis }),
  z.object({
    action: z.literal('request_supplement'),
    // 一次性告知: everything missing is listed at once, so the applicant needs only one more trip.
    items: z.array(z.object({ materialKey: z.string().max(40).nullable().default(null), name: z.string().trim().min(1).max(120), requirement: z.string().trim().min(1).max(500) })).min(1).max(40),
    note: opinion,
  }),
  z.object({ action: z.literal('forward'), opinion }),
  z.object({ action: z.literal('send_back'), toStepKey: z.string().min(1).max(30), reason }),
  z.object({ action: z.literal('transfer'), toUnitId: z.uuid(), reason }),
  z.object({ action: z.literal('countersign'), unitIds: z.array(z.uuid()).min(1).max(10), question: reason }),
  z.object({ action: z.literal('countersign_reply'), agree: z.boolean(), opinion: reason }),
  z.object({ action: z.literal('suspend'), procedure: z.enum(Object.keys(SPECIAL_PROCEDURES) as [SpecialProcedure, ...SpecialProcedure[]]), reason, plannedDays: z.number().int().min(1).max(365) }),
  z.object({ action: z.literal('resume'), result: reason }),
  z.object({ action: z.literal('approve'), opinion }),
  z.object({ action: z.literal('deny'), reason, legalBasis }),
  z.object({ action: z.literal('penalize'), circumstance: z.string().min(1).max(40), amount: z.number().min(0).max(100_000_000).multipleOf(0.01), opinion: reason, legalBasis }),
  z.object({ action: z.literal('no_penalty'), reason, legalBasis }),
  z.object({ action: z.literal('conclude'), opinion, fees: chargedFeesSchema }),
  z.object({ action: z.literal('recall'), reason }),
  z.object({ action: z.literal('note'), text: z.string().trim().min(1).max(2000) }),
]);

export const applicantCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('withdraw'), reason }),
]);

export type StaffCommand = z.infer<typeof staffCommandSchema>;
export type ApplicantCommand = z.infer<typeof applicantCommandSchema>;
export type CaseCommand = StaffCommand | ApplicantCommand | { action: 'supply' };
export type CaseAction = CaseCommand['action'];
