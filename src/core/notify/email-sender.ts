// Sending e-mail: over SMTP with nodemailer when SMTP_URL is configured, otherwise recorded only. In embedded
// mode without SMTP the outbox row itself (recipient, subject, body) is the message: the dispatcher marks it
// 'sent' and staff read it in the console's outbox (GET /api/outbox/:id), which is where it is delivered.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

export interface EmailSender {
  /** Resolves when the message was handed over; rejects when it was not (the outbox retries). */
  send(message: EmailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export interface SmtpEmailSenderOptions {
  /** smtp://user:pass@host:587 or smtps://…:465; nodemailer options may follow as query parameters (?ignoreTLS=true). */
  smtpUrl: string;
  /** The From header, e.g. `政通平台 <noreply@example.gov.cn>`. */
  from: string;
  /** For servers without STARTTLS (a local relay, tests). */
  ignoreTLS?: boolean;
  /** Connection, greeting and idle socket timeouts (default 20 s), so a dead server fails an attempt quickly. */
  timeoutMs?: number;
}

/** An EmailSender that delivers through an SMTP server; each message opens its own connection. */
export function createSmtpEmailSender(options: SmtpEmailSenderOptions): EmailSender {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    ...(options.ignoreTLS === undefined ? {} : { ignoreTLS: options.ignoreTLS }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}

/** How many recorded messages the recording sender keeps in memory (the outbox keeps all of them). */
const RECORDED_IN_MEMORY = 200;

/** An EmailSender for when no SMTP server is configured: accepts every message and remembers the latest ones. */
export function createRecordingEmailSender(): EmailSender & { readonly recorded: ReadonlyArray<EmailMessage & { messageId: string }> } {
  const recorded: Array<EmailMessage & { messageId: string }> = [];
  return {
    recorded,
    async send(message) {
      const messageId = `recorded-${randomUUID()}`;
      recorded.push({ ...message, messageId });
      if (recorded.length > RECORDED_IN_MEMORY) recorded.shift();
      return { messageId };
    },
    close: () => {},
  };
}
