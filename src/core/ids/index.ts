// Public API of the identifier validators (身份证号码, 统一社会信用代码, mobile numbers).
export {
  computeResidentIdCheck,
  isValidResidentId,
  maskResidentId,
  parseResidentId,
} from './resident-id.ts';
export type { ResidentIdFailure, ResidentIdResult, ResidentIdSex } from './resident-id.ts';
export {
  CREDIT_CODE_CHARSET,
  REGISTRATION_AUTHORITIES,
  computeCreditCodeCheck,
  computeOrgCodeCheck,
  isValidCreditCode,
  makeCreditCode,
  maskCreditCode,
  parseCreditCode,
} from './credit-code.ts';
export type { CreditCodeFailure, CreditCodeResult } from './credit-code.ts';
export { isValidMobilePhone, maskPhone, normalizeMobilePhone } from './phone.ts';
export { creditCodeSchema, mobilePhoneSchema, residentIdSchema } from './ids.schema.ts';
