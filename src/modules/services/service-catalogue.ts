// Fixed vocabularies of the service hall: item types, case kinds, audiences, themes, rating levels.
// Chinese names are what the public sees; the codes are what the data and the API carry.

/** 事项类型 (DOMAIN.md); the two-digit code is the national classification. */
export const ITEM_TYPES = {
  '01': { zh: '行政许可', en: 'Administrative licensing' },
  '02': { zh: '行政处罚', en: 'Administrative penalty' },
  '03': { zh: '行政强制', en: 'Administrative enforcement' },
  '04': { zh: '行政征收', en: 'Administrative levy' },
  '05': { zh: '行政给付', en: 'Administrative benefit' },
  '06': { zh: '行政检查', en: 'Administrative inspection' },
  '07': { zh: '行政确认', en: 'Administrative confirmation' },
  '08': { zh: '行政奖励', en: 'Administrative award' },
  '09': { zh: '行政裁决', en: 'Administrative adjudication' },
  '10': { zh: '其他行政权力', en: 'Other administrative power' },
  '20': { zh: '公共服务', en: 'Public service' },
} as const;
export type ItemType = keyof typeof ITEM_TYPES;
export const ITEM_TYPE_CODES = Object.keys(ITEM_TYPES) as [ItemType, ...ItemType[]];

/** 办件类型: 即办件 is concluded on the spot, 承诺件 within its promised working days. */
export const CASE_KINDS = {
  immediate: { zh: '即办件', en: 'On-the-spot' },
  promised: { zh: '承诺件', en: 'Promised' },
} as const;
export type CaseKind = keyof typeof CASE_KINDS;

/** 服务对象. */
export const AUDIENCES = {
  person: { zh: '自然人', en: 'Individuals' },
  company: { zh: '法人', en: 'Legal persons' },
} as const;
export type Audience = keyof typeof AUDIENCES;

interface Theme {
  code: string;
  audience: Audience;
  zh: string;
  en: string;
}

/** 主题分类: the themes citizens and companies browse by (national service-portal classification, abridged). */
export const THEMES: readonly Theme[] = [
  { code: 'birth', audience: 'person', zh: '生育收养', en: 'Birth and adoption' },
  { code: 'education', audience: 'person', zh: '教育科研', en: 'Education' },
  { code: 'employment', audience: 'person', zh: '就业创业', en: 'Employment' },
  { code: 'social_security', audience: 'person', zh: '社会保障', en: 'Social security' },
  { code: 'household', audience: 'person', zh: '户籍办理', en: 'Household registration' },
  { code: 'marriage', audience: 'person', zh: '婚姻登记', en: 'Marriage' },
  { code: 'housing', audience: 'person', zh: '住房保障', en: 'Housing' },
  { code: 'traffic', audience: 'person', zh: '交通出行', en: 'Transport' },
  { code: 'elderly', audience: 'person', zh: '养老服务', en: 'Elderly care' },
  { code: 'disability', audience: 'person', zh: '残疾人服务', en: 'Disability services' },
  { code: 'medical', audience: 'person', zh: '医疗卫生', en: 'Health' },
  { code: 'assistance', audience: 'person', zh: '社会救助', en: 'Social assistance' },
  { code: 'pets', audience: 'person', zh: '宠物饲养', en: 'Pets' },
  { code: 'startup', audience: 'company', zh: '设立变更', en: 'Starting a business' },
  { code: 'operation', audience: 'company', zh: '经营许可', en: 'Operating licences' },
  { code: 'investment', audience: 'company', zh: '投资审批', en: 'Investment' },
  { code: 'construction', audience: 'company', zh: '工程建设', en: 'Construction' },
  { code: 'transport_business', audience: 'company', zh: '交通运输', en: 'Transport business' },
  { code: 'food_drug', audience: 'company', zh: '食品药品', en: 'Food and drugs' },
  { code: 'closure', audience: 'company', zh: '注销退出', en: 'Closing a business' },
  { code: 'enforcement', audience: 'company', zh: '执法监管', en: 'Enforcement' },
];
export const THEME_CODES = THEMES.map((theme) => theme.code) as [string, ...string[]];

/** 好差评 levels, best first (国办发〔2019〕51号); the last two are the bad ratings that need rectification. */
export const RATING_LEVELS = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied', score: 5 },
  satisfied: { zh: '满意', en: 'Satisfied', score: 4 },
  fair: { zh: '基本满意', en: 'Fair', score: 3 },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied', score: 2 },
  very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied', score: 1 },
} as const;
export type RatingLevel = keyof typeof RATING_LEVELS;

/** The name of a theme in a language, or the code when unknown. */
export function themeName(code: string, language: 'zh' | 'en' = 'zh'): string {
  const theme = THEMES.find((candidate) => candidate.code === code);
  return theme ? theme[language] : code;
}
