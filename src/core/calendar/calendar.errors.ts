// Error codes of the working-day calendar, added to the platform's one table (INVALID_DATE is core's own).
// The *_INVALID codes are field messages of validation failures (400 VALIDATION_FAILED, issues[].message).
import { registerErrorCodes } from '../errors/error-codes.ts';

registerErrorCodes({
  CALENDAR_OVERRIDE_NOT_FOUND: { status: 404, zh: '{date} 没有本地调整', en: '{date} has no local adjustment' },
  CALENDAR_DATE_OUT_OF_RANGE: { status: 400, zh: '日期须在 {min} 年至 {max} 年之间', en: 'The date must be between the years {min} and {max}' },
  CALENDAR_YEAR_INVALID: { status: 400, zh: '年份应为 1900 至 2200 之间的整数', en: 'The year must be a whole number from 1900 to 2200' },
  CALENDAR_DAYS_INVALID: { status: 400, zh: '天数应为 0 至 3650 之间的整数', en: 'The number of days must be a whole number from 0 to 3650' },
});
