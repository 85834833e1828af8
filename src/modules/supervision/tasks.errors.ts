// Error codes of supervision tasks (督查督办), added to the platform's one table.
import { registerErrorCodes } from '../../core/errors/error-codes.ts';

registerErrorCodes({
  TASK_NOT_FOUND: { status: 404, zh: '督办事项不存在', en: 'Supervision task not found' },
  TASK_UNIT_OUT_OF_SCOPE: { status: 400, zh: '只能向本机构监察范围内的单位交办', en: 'A task can only be issued to a unit your office supervises' },
  TASK_DUE_NOT_FUTURE: { status: 400, zh: '办理期限须晚于今天（{today}）', en: 'The due date must be after today ({today})' },
  TASK_NOT_OPEN: { status: 409, zh: '该督办事项当前不需要答复（{status}）', en: 'This task is not waiting for a reply ({status})' },
  TASK_NOT_ANSWERED: { status: 409, zh: '该督办事项没有待审核的答复（{status}）', en: 'This task has no reply waiting for review ({status})' },
  TASK_CHANGED: { status: 409, zh: '该督办事项刚被他人处理，请刷新后重试', en: 'Someone else has just acted on this task; reload and try again' },
});
