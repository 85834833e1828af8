// Error codes of the outbox and in-app messages, added to the platform's one table.
import { registerErrorCodes } from '../errors/error-codes.ts';

registerErrorCodes({
  OUTBOX_MESSAGE_NOT_FOUND: { status: 404, zh: '消息队列中没有这条消息', en: 'No such message in the outbox' },
  OUTBOX_MESSAGE_NOT_RETRYABLE: {
    status: 409,
    zh: '这条消息已发送或正在发送，不能重发',
    en: 'This message has been sent or is being sent; it cannot be retried',
  },
  MESSAGE_NOT_FOUND: { status: 404, zh: '消息不存在', en: 'Message not found' },
});
