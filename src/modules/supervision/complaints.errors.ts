// Error codes of complaints (投诉), added to the platform's one table.
import { registerErrorCodes } from '../../core/errors/error-codes.ts';

registerErrorCodes({
  COMPLAINT_NOT_FOUND: { status: 404, zh: '投诉不存在', en: 'Complaint not found' },
  COMPLAINT_CASE_UNKNOWN: { status: 400, zh: '只能投诉本人申请的办件', en: 'You can only complain about a case you applied for' },
  COMPLAINT_UNIT_UNKNOWN: { status: 400, zh: '请选择本县的部门或服务大厅', en: "Choose one of the county's departments or service halls" },
  COMPLAINT_NO_OFFICE: { status: 409, zh: '该单位暂无受理投诉的监察机构，请拨打 12345 政务服务便民热线', en: 'No supervising office takes complaints about this unit yet; please call the 12345 hotline' },
  COMPLAINT_CLOSED: { status: 409, zh: '该投诉已答复办结', en: 'This complaint has already been answered' },
  COMPLAINT_CHANGED: { status: 409, zh: '该投诉刚被他人处理，请刷新后重试', en: 'Someone else has just acted on this complaint; reload and try again' },
});
