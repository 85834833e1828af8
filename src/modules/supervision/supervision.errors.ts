// Error codes of electronic supervision, added to the platform's one table.
import { registerErrorCodes } from '../../core/errors/error-codes.ts';

registerErrorCodes({
  SUPERVISION_RULE_NOT_FOUND: { status: 404, zh: '监察规则不存在', en: 'Supervision rule not found' },
  SUPERVISION_RULE_UNKNOWN: { status: 400, zh: '没有编码为 {code} 的监察规则', en: 'There is no supervision rule with the code {code}' },
  SUPERVISION_RULE_EXISTS: { status: 409, zh: '该事项已有此规则的单独设置，请直接修改', en: 'This item already has its own setting of the rule; change that one' },
  SUPERVISION_RULE_GENERAL: { status: 409, zh: '通用规则不能删除，可以停用', en: 'A general rule cannot be deleted; it can be switched off' },
  SUPERVISION_SCOPE_UNKNOWN: { status: 400, zh: '适用范围须为已有事项', en: 'The scope must be an existing service item' },
  RISK_POINT_NOT_FOUND: { status: 404, zh: '廉政风险点不存在', en: 'Integrity risk point not found' },
  RISK_POINT_STEP_UNKNOWN: { status: 400, zh: '该事项已发布的流程中没有环节 {step}', en: 'The published process of the item has no step {step}' },
  REPORT_NOT_FOUND: { status: 404, zh: '上报记录不存在', en: 'Report not found' },
  REPORT_NOT_DEAD: { status: 409, zh: '只有已放弃的上报可以重新上报', en: 'Only a report that was given up can be retried' },
  SUPERVISION_OFFICE_UNIT_UNKNOWN: { status: 400, zh: '监察机构和监察范围须为已有单位', en: 'The office and the unit it watches must be existing units' },
  SUPERVISION_OFFICE_NOT_FOUND: { status: 404, zh: '该单位不是监察机构', en: 'This unit is not a supervising office' },
  FINDING_NOT_FOUND: { status: 404, zh: '监察记录不存在', en: 'Supervision finding not found' },
  FINDING_NOT_OPEN: { status: 409, zh: '该监察记录当前不需要申辩或整改（{status}）', en: 'This finding is not waiting for an explanation or rectification ({status})' },
  FINDING_NOT_RESPONDED: { status: 409, zh: '该监察记录没有待审核的申辩或整改（{status}）', en: 'This finding has no answer waiting for review ({status})' },
  FINDING_CHANGED: { status: 409, zh: '该监察记录刚被他人处理，请刷新后重试', en: 'Someone else has just acted on this finding; reload and try again' },
});
