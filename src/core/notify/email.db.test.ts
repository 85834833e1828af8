// E-mail over real SMTP: an SMTP server process on 127.0.0.1 receives what the outbox sends through nodemailer; the
// Chinese subject and body arrive intact. With the server stopped, delivery fails and is scheduled for retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { coreMigrations } from '../db/migrations/index.ts';
import { silentLogger } from '../jobs/index.ts';
import { createMigratedDatabase, testDialect } from '../../../test/test-database.ts';
import { findOutboxMessageById } from './outbox.repository.ts';
import { createOutboxDispatcher, createRecordingSmsGateway, createSmtpEmailSender, enqueueEmail } from './index.ts';

interface ReceivedMail {
  from: string | undefined;
  to: string[];
  raw: string;
}

// The SMTP server runs as its own process (test/smtp-sink.ts), as a mail server would.
async function startSmtpServer(): Promise<{ port: number; received: ReceivedMail[]; stop(): Promise<void> }> {
  const received: ReceivedMail[] = [];
  const child = spawn(process.execPath, [fileURLToPath(new URL('../../../test/smtp-sink.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`smtp-sink exited with ${code}`)));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { port?: number } & ReceivedMail;
      if (message.port) resolve(message.port);
      else received.push(message);
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { port, received, stop };
}

// Just enough MIME to read what nodemailer wrote: unfolded headers, RFC 2047 words, base64 and quoted-printable.
function decodeTransfer(body: string, encoding: string | undefined): string {
  if (/base64/i.test(encoding ?? '')) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding ?? '')) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_whole, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes);
  }
  return body;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_whole, kind: string, text: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeTransfer(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

function parseMime(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** The decoded text/plain part of a message (the whole body when it is not multipart). */
function plainText(raw: string): string {
  const { headers, body } = parseMime(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) return decodeTransfer(body, headers.get('content-transfer-encoding')).trim();
  const part = body.split(`--${boundary}`).map(parseMime).find((candidate) => /text\/plain/i.test(candidate.headers.get('content-type') ?? ''));
  assert.ok(part, 'a text/plain part');
  return decodeTransfer(part.body, part.headers.get('content-transfer-encoding')).trim();
}

test(`mail goes out over SMTP with its Chinese subject and body, and a dead server means retry (${testDialect()})`, async () => {
  const handle = await createMigratedDatabase([coreMigrations]);
  const smtp = await startSmtpServer();
  let serverRunning = true;
  const emailSender = createSmtpEmailSender({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: '政通平台 <noreply@zhengtong.local>', ignoreTLS: true, timeoutMs: 5000 });
  try {
    const { db } = handle;
    const dispatcher = createOutboxDispatcher({ db, emailSender, smsGateway: createRecordingSmsGateway(), logger: silentLogger });
    const subject = '【政通】您的“个体工商户设立登记”申请已受理';
    const text = '张三同志：\n您好！您于2026年3月2日提交的申请已受理，受理编号 ZT-2026-000123。\n承诺办结时限：5个工作日。';
    await db.transaction().execute((tx) =>
      enqueueEmail(tx, { to: 'zhangsan@example.cn', subject, text, html: '<p>您的申请已受理</p>', topic: 'case.acceptedNotice' }),
    );
    assert.deepEqual(await dispatcher.runOnce(), { reclaimed: 0, claimed: 1, sent: 1, retried: 0, dead: 0, lost: 0, released: 0 });
    // The server process reports what it received through a pipe: give the line a moment to arrive.
    for (let waited = 0; smtp.received.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.equal(mail.from, 'noreply@zhengtong.local');
    assert.deepEqual(mail.to, ['zhangsan@example.cn']);
    const { headers } = parseMime(mail.raw);
    assert.equal(decodeWords(headers.get('subject') ?? ''), subject);
    assert.match(decodeWords(headers.get('from') ?? ''), /政通平台 <noreply@zhengtong\.local>/);
    assert.equal(plainText(mail.raw).replace(/\r\n/g, '\n'), text);

    await smtp.stop();
    serverRunning = false;
    const before = Date.now();
    const id = await db.transaction().execute((tx) => enqueueEmail(tx, { to: 'lisi@example.cn', subject: '办结通知', text: '您的申请已办结。' }));
    const counts = await dispatcher.runOnce();
    assert.equal(counts.retried, 1);
    const row = await findOutboxMessageById(db, id);
    assert.equal(row?.status, 'failed');
    assert.equal(row?.attempts, 1);
    assert.match(row?.last_error ?? '', /ECONNREFUSED|connect/i);
    const delay = Date.parse(row!.next_attempt_at) - before;
    assert.ok(delay >= 27_000 && delay <= 33_000 + (Date.now() - before), `retry in about 30 s (${delay} ms)`);
  } finally {
    emailSender.close();
    if (serverRunning) await smtp.stop();
    await handle.close();
  }
});
