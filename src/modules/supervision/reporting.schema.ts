// The documented format of what is reported to the provincial supervision platform (docs/provincial-reporting.md),
// and the delivery log's shapes. A batch is POSTed as JSON; the platform answers 2xx once it has stored it.
import { z } from 'zod';

export const REPORT_FORMAT = 'zhengtong.supervision.report/1';

export const caseReportDataSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemCode: z.string().describe('实施编码'),
  itemName: z.string(),
  unitName: z.string(),
  unitCreditCode: z.string().nullable().describe('统一社会信用代码'),
  channel: z.string(),
  applicantKind: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  submittedAt: z.string(),
  acceptedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  concludedAt: z.string().nullable(),
  promisedDays: z.number(),
  statutoryDays: z.number().nullable(),
  caseDeadline: z.string().nullable(),
  timeState: z.string(),
});

export const findingReportDataSchema = z.object({
  findingId: z.string(),
  category: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  level: z.enum(['warning', 'yellow', 'red']),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  unitName: z.string(),
  unitCreditCode: z.string().nullable(),
  dueOn: z.string().nullable(),
  detail: z.string(),
  raisedAt: z.string(),
});

export const reportSchema = z.discriminatedUnion('kind', [
  z.object({ reportId: z.string(), kind: z.literal('case'), event: z.string(), occurredAt: z.string(), data: caseReportDataSchema }),
  z.object({ reportId: z.string(), kind: z.literal('finding'), event: z.string(), occurredAt: z.string(), data: findingReportDataSchema }),
]);
export type Report = z.infer<typeof reportSchema>;

export const reportBatchSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  sender: z.object({ platform: z.literal('zhengtong'), regionName: z.string().nullable(), regionCode: z.string().nullable() }),
  sentAt: z.string(),
  reports: z.array(reportSchema).min(1).max(100),
});
export type ReportBatch = z.infer<typeof reportBatchSchema>;

export const reportLogEntrySchema = z.object({
  id: z.string(),
  kind: z.string(),
  event: z.string(),
  subjectId: z.string(),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  payload: z.unknown(),
});
