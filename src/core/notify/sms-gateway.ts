// Sending SMS through a pluggable gateway. The provider's own adapter comes later; until then a small HTTP
// adapter (POST JSON { to, text }) and a recording gateway for embedded mode, where the console's outbox shows
// what would have been sent.
import { randomUUID } from 'node:crypto';

export interface SmsMessage {
  /** An 11-digit mainland mobile number. */
  to: string;
  text: string;
}

export interface SmsGateway {
  /** Resolves with the provider's id when the gateway accepted the message; rejects otherwise (the outbox retries). */
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

/** An SmsGateway that accepts every message, remembers the latest ones and sends nothing. */
export function createRecordingSmsGateway(): SmsGateway & { readonly recorded: ReadonlyArray<SmsMessage & { messageId: string }> } {
  const recorded: Array<SmsMessage & { messageId: string }> = [];
  return {
    recorded,
    async send(message) {
      const messageId = `recorded-${randomUUID()}`;
      recorded.push({ ...message, messageId });
      if (recorded.length > 200) recorded.shift();
      return { messageId };
    },
  };
}

export interface HttpSmsGatewayOptions {
  url: string;
  /** Extra request headers, e.g. the gateway's authorization. */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** An SmsGateway that POSTs `{ to, text }` as JSON; any non-2xx answer is a failure. Uses `messageId` from a JSON answer when present. */
export function createHttpSmsGateway(options: HttpSmsGatewayOptions): SmsGateway {
  return {
    async send(message) {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...options.headers },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      const answer = await response.text();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}: ${answer.slice(0, 200)}`);
      let messageId: unknown;
      try {
        messageId = (JSON.parse(answer) as { messageId?: unknown }).messageId;
      } catch {
        messageId = undefined;
      }
      return { messageId: typeof messageId === 'string' && messageId ? messageId : `http-${randomUUID()}` };
    },
  };
}
