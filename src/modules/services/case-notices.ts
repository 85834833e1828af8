// What the applicant is told at each step, by SMS and email (sent through the outbox in the
// transition's own transaction, so a message is never sent for a change that rolled back).
import type { DbExecutor } from '../../core/db/database.ts';
import { enqueueEmail, enqueueSms } from '../../core/notify/index.ts';

const TEXTS: Record<string, (facts: { caseNumber: string; itemName: string; queryCode: string }) => string | null> = {
  submitted: (f) => `您申请的“${f.itemName}”已提交，办件编号 ${f.caseNumber}，查询码 ${f.queryCode}。`,
  registered: (f) => `您在窗口申请的“${f.itemName}”已登记，办件编号 ${f.caseNumber}，查询码 ${f.queryCode}。`,
  accepted: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）已受理。`,
  refused: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）不予受理，请登录查看理由。`,
  supplement_requested: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）需补正材料，请登录查看一次性告知清单并补交。`,
  suspended: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）进入特别程序，期间不计入办理时限。`,
  resumed: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）特别程序已结束，恢复办理。`,
  decided: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）已作出决定，请登录查看。`,
  concluded: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）已办结，欢迎对本次服务进行评价。`,
  withdrawn: (f) => `您的办件 ${f.caseNumber}（${f.itemName}）已撤回。`,
};

/** Queues the applicant's SMS and email for the events of a transition that concern them. */
export async function notifyApplicant(
  tx: DbExecutor,
  facts: { caseNumber: string; itemName: string; queryCode: string; unitId: string; phone: string | null; email: string | null },
  eventTypes: readonly string[],
  now: Date,
): Promise<void> {
  for (const type of eventTypes) {
    const text = TEXTS[type]?.(facts);
    if (!text) continue;
    if (facts.phone) await enqueueSms(tx, { to: facts.phone, text: `【政通】${text}`, unitId: facts.unitId, topic: `case.${type}` }, now);
    if (facts.email) await enqueueEmail(tx, { to: facts.email, subject: `办件 ${facts.caseNumber} 进度通知`, text, unitId: facts.unitId, topic: `case.${type}` }, now);
  }
}
