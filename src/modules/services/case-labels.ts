// Names of case statuses and event types as the public and staff read them.
import type { CaseStatus } from './services.tables.ts';

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  submitted: '待受理',
  supplementing: '待补正',
  in_progress: '办理中',
  suspended: '特别程序',
  concluded: '已办结',
  refused: '不予受理',
  withdrawn: '已撤回',
};

export const CASE_EVENT_NAMES: Record<string, { zh: string; en: string }> = {
  submitted: { zh: '网上申请', en: 'Applied online' },
  registered: { zh: '窗口登记', en: 'Registered at the window' },
  accepted: { zh: '受理', en: 'Accepted' },
  refused: { zh: '不予受理', en: 'Refused' },
  supplement_requested: { zh: '一次性告知补正', en: 'Supplement requested' },
  supplemented: { zh: '补正材料', en: 'Materials supplied' },
  forwarded: { zh: '转下一环节', en: 'Forwarded' },
  sent_back: { zh: '退回', en: 'Sent back' },
  recalled: { zh: '撤回', en: 'Recalled' },
  transferred: { zh: '转办', en: 'Transferred' },
  countersign_requested: { zh: '发起会签', en: 'Countersign requested' },
  countersigned: { zh: '会签意见', en: 'Countersigned' },
  suspended: { zh: '进入特别程序', en: 'Special procedure' },
  resumed: { zh: '特别程序结束', en: 'Resumed' },
  decided: { zh: '作出决定', en: 'Decided' },
  concluded: { zh: '办结', en: 'Concluded' },
  withdrawn: { zh: '申请人撤回', en: 'Withdrawn by the applicant' },
  noted: { zh: '备注', en: 'Note' },
};
