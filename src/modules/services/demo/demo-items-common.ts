// Wording shared by the demo county's service guides: opening hours, the complaint channel, windows
// of the service centre, the materials and applicant fields most items ask for, and the process
// sentences of the three process templates.
import type { ServiceGuideInput } from '../service-guide.schema.ts';

export type MaterialInput = NonNullable<ServiceGuideInput['materials']>[number];
export type FormFieldInput = NonNullable<ServiceGuideInput['form']>[number];

export const HOURS = '工作日 上午9:00—12:00，下午13:30—17:00（法定节假日除外）';
export const COMPLAINT = '12345 政务服务便民热线；县政务服务中心投诉窗口';

/** Opening hours and complaint channel: the same at every window of the centre. */
export const COMMON = { hours: HOURS, complaintChannel: COMPLAINT } as const;

/** A window of the county government service centre. */
export const hallWindow = (window: number, floor: '一' | '二' | '三' = '一'): string => `示范县政务服务中心${floor}楼 ${window} 号窗口`;

/** The enquiry line of a unit's window (0999-1234xxxx) and the online channel. */
export const consult = (unit: string, extension: string): string => `${unit}窗口 0999-1234${extension}；示范县政务服务网“我要咨询”栏目`;

export function material(key: string, name: string, form: 'original' | 'copy' | 'electronic' = 'copy', options: Partial<MaterialInput> = {}): MaterialInput {
  return { key, name, form, copies: 1, ...options };
}

export const idCard = (who = '申请人'): MaterialInput =>
  material('id_card', `${who}居民身份证`, 'original', { licenceType: '居民身份证', note: '已领取电子身份证照的可免交实体证件，窗口核验后退还原件' });
export const householdBook = (required = true): MaterialInput =>
  material('household_book', '居民户口簿', 'original', { required, licenceType: '户口簿', note: '可通过电子证照库调取的免交' });
export const businessLicence = (required = true): MaterialInput =>
  material('business_licence', '营业执照', 'copy', { required, licenceType: '营业执照', note: '通过电子证照库核验，无需提交纸质材料' });
export const socialSecurityCard = (): MaterialInput =>
  material('social_security_card', '社会保障卡', 'original', { licenceType: '社会保障卡', note: '用于待遇发放，已激活金融功能' });

/** 申请 → 受理 → 审查 → 决定 → 办结, for a promised item. */
export const promisedFlow = (review: string): string =>
  `申请人在线或到窗口提交申请→窗口受理（材料齐全、符合法定形式的当场受理，不齐全的一次性告知补正）→${review}→作出准予或者不予的书面决定→制证送达，办结。`;
/** For an on-the-spot item. */
export const immediateFlow = (result: string): string =>
  `申请人在线或到窗口提交申请→窗口受理并当场审查→当场作出决定${result}，办结。`;
/** For an administrative penalty. */
export const PENALTY_FLOW = '立案→调查取证→告知拟作出的处罚（当事人陈述、申辩，符合条件的依申请组织听证）→负责人审查作出处罚决定（重大案件经集体讨论）→送达→执行→结案。';

export const text = (key: string, label: string, maxLength = 100, required = true): FormFieldInput => ({ key, label, type: 'text', maxLength, required });
export const select = (key: string, label: string, options: string[], required = true): FormFieldInput => ({ key, label, type: 'select', options, required });
export const numberField = (key: string, label: string, required = true): FormFieldInput => ({ key, label, type: 'number', required });
export const dateField = (key: string, label: string, required = true): FormFieldInput => ({ key, label, type: 'date', required });
export const textarea = (key: string, label: string, maxLength = 1000, required = true): FormFieldInput => ({ key, label, type: 'textarea', maxLength, required });

/** Name, 公民身份号码 and phone of a natural-person applicant. */
export const personFields = (label = '申请人姓名'): FormFieldInput[] => [
  { key: 'applicant_name', label, type: 'text', maxLength: 30 },
  { key: 'id_number', label: '公民身份号码', type: 'resident_id' },
  { key: 'phone', label: '联系电话', type: 'phone' },
];

/** Name, 统一社会信用代码 and phone of a legal-person applicant. */
export const companyFields = (label = '单位名称'): FormFieldInput[] => [
  { key: 'applicant_name', label, type: 'text', maxLength: 100 },
  { key: 'credit_code', label: '统一社会信用代码', type: 'credit_code' },
  { key: 'phone', label: '联系电话', type: 'phone' },
];
