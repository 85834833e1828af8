// Error codes of the job queue, added to the platform's one table.
import { registerErrorCodes } from '../errors/error-codes.ts';

registerErrorCodes({
  JOB_PAYLOAD_INVALID: { status: 500, zh: '后台任务“{job}”的参数不正确', en: 'The payload of background job "{job}" is invalid' },
});
