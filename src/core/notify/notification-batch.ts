// Notices gathered while a use case works through many subjects (a sweep raising hundreds of findings), written
// in the caller's transaction when it flushes instead of one statement each: on PostgreSQL, where every statement
// is a round trip, in one (notices.repository.ts). The rows are the same as enqueueSms, publishEvent and
// sendInAppMessage write one by one.
import type { DbExecutor } from '../db/database.ts';
import { inAppMessageRow, type InAppMessageToSend } from './messages.service.ts';
import type { MessageRow } from './messages.repository.ts';
import { insertMessagesAndOutbox } from './notices.repository.ts';
import { eventOutboxRow, smsOutboxRow, type SmsToSend } from './outbox.service.ts';
import type { OutboxRow } from './outbox.repository.ts';

export interface NotificationBatch {
  message(message: InAppMessageToSend, now: Date): void;
  sms(sms: SmsToSend, now: Date): void;
  event(topic: string, payload: unknown, options: { unitId?: string | null }, now: Date): void;
  /** Writes what was gathered (in the transaction given at creation) and starts empty again. */
  flush(): Promise<void>;
  /** Hands over the rows gathered, for a caller that writes them itself (gatedNoticeInserts), and starts empty again. */
  take(): { messages: MessageRow[]; outbox: OutboxRow[] };
}

/** A batch of notices to write in `tx`; nothing is written until flush(). */
export function createNotificationBatch(tx: DbExecutor): NotificationBatch {
  let messages: MessageRow[] = [];
  let outbox: OutboxRow[] = [];
  return {
    message: (message, now) => void messages.push(inAppMessageRow(message, now)),
    sms: (sms, now) => void outbox.push(smsOutboxRow(sms, now)),
    event: (topic, payload, options, now) => void outbox.push(eventOutboxRow(topic, payload, options, now)),
    async flush() {
      const [pendingMessages, pendingOutbox] = [messages, outbox];
      messages = [];
      outbox = [];
      await insertMessagesAndOutbox(tx, pendingMessages, pendingOutbox);
    },
    take() {
      const taken = { messages, outbox };
      messages = [];
      outbox = [];
      return taken;
    },
  };
}
