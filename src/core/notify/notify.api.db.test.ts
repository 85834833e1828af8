// The outbox and message routes through HTTP on a real database: who may do what, filters and paging, masked
// recipients, the audited reveal and retry, and messages that only their owner can read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../auth/actor.ts';
import { findAuditRecords } from '../audit/audit.repository.ts';
import { coreMigrations } from '../db/migrations/index.ts';
import { startStubServer, stubStaff } from '../../../test/stub-http.ts';
import { createMigratedDatabase, testDialect } from '../../../test/test-database.ts';
import { enqueueEmail, enqueueSms, publishEvent, registerNotifyRoutes, sendInAppMessage } from './index.ts';

const staff = (userId: string, permissions: string[]): Actor => stubStaff(userId, permissions);

const ACTORS: Record<string, Actor> = {
  sysadmin: { ...staff('u-sys', ['notify.outbox.read', 'notify.outbox.manage']), adminRole: 'system' },
  reader: staff('u-reader', ['notify.outbox.read']),
  clerk: staff('u-clerk', []),
  citizen: { ...staff('c-1', []), kind: 'citizen' },
};

type Handle = Awaited<ReturnType<typeof createMigratedDatabase>>;

describe(`notify API on ${testDialect()}`, () => {
  let handle: Handle;
  let base: string;
  let close: () => Promise<void>;
  let kicks = 0;
  const ids: Record<string, string> = {};

  async function call(path: string, options: { actor?: string; method?: string } = {}): Promise<{ status: number; body: any }> {
    const response = await fetch(`${base}${path}`, {
      method: options.method ?? 'GET',
      headers: { 'x-test-actor': options.actor ?? 'none', 'x-csrf-token': 't', 'accept-language': 'en' },
    });
    return { status: response.status, body: await response.json() };
  }

  before(async () => {
    handle = await createMigratedDatabase([coreMigrations]);
    await handle.db.transaction().execute(async (tx) => {
      const at = (second: number) => new Date(Date.now() - 60_000 + second * 1000);
      ids['mail'] = await enqueueEmail(tx, { to: 'zhang@example.cn', subject: '受理通知', text: '您的申请已受理', html: '<p>已受理</p>' }, at(1));
      ids['sms'] = await enqueueSms(tx, { to: '13800138000', text: '验证码 123456' }, at(2));
      ids['event'] = await publishEvent(tx, 'case.accepted', { caseId: 'c-1' }, {}, at(3));
      ids['dead'] = await enqueueEmail(tx, { to: 'broken', subject: '无法送达', text: '…' }, at(4));
      ids['own'] = await sendInAppMessage(tx, { userId: 'u-clerk', title: '新办件', body: '请处理', link: '/cases/c-1' });
      ids['other'] = await sendInAppMessage(tx, { userId: 'u-reader', title: '别人的', body: '…' });
    });
    let app;
    ({ app, base } = await startStubServer({ actors: ACTORS, register: (server) => registerNotifyRoutes(server, { db: handle.db, dispatcher: { kick: () => void (kicks += 1) } }) }));
    close = async () => {
      await app.close();
      await handle.close();
    };
  });
  after(() => close());

  test('the outbox needs a session, then the permission', async () => {
    assert.equal((await call('/api/outbox')).body.error.code, 'UNAUTHENTICATED');
    assert.equal((await call('/api/outbox')).status, 401);
    const clerk = await call('/api/outbox', { actor: 'clerk' });
    assert.equal(clerk.status, 403);
    assert.equal(clerk.body.error.code, 'FORBIDDEN');
    assert.equal((await call(`/api/outbox/${ids['dead']}/retry`, { actor: 'reader', method: 'POST' })).status, 403);
    assert.equal((await call(`/api/outbox/${ids['dead']}/retry`, { method: 'POST' })).status, 401);
  });

  test('lists the outbox newest first, filtered and paged, with mobile numbers masked', async () => {
    const all = await call('/api/outbox', { actor: 'reader' });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.equal(all.body.total, 4);
    assert.deepEqual(all.body.items.map((item: { id: string }) => item.id), [ids['dead'], ids['event'], ids['sms'], ids['mail']]);
    const sms = all.body.items.find((item: { channel: string }) => item.channel === 'sms');
    assert.equal(sms.recipient, '138****8000');
    assert.equal(sms.status, 'pending');
    assert.ok(sms.nextAttemptAt);
    const dead = await call('/api/outbox?status=dead', { actor: 'reader' });
    assert.deepEqual(dead.body.items.map((item: { id: string }) => item.id), [ids['dead']]);
    assert.equal(dead.body.items[0].lastError, 'Not an e-mail address: broken');
    assert.equal(dead.body.items[0].nextAttemptAt, null);
    const events = await call('/api/outbox?channel=event&page=1&pageSize=1', { actor: 'reader' });
    assert.deepEqual({ total: events.body.total, page: events.body.page, pageSize: events.body.pageSize, topic: events.body.items[0].topic }, { total: 1, page: 1, pageSize: 1, topic: 'case.accepted' });
    const bad = await call('/api/outbox?status=lost', { actor: 'reader' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
  });

  test('reading one message shows its content and leaves an audit record', async () => {
    const sms = await call(`/api/outbox/${ids['sms']}`, { actor: 'reader' });
    assert.equal(sms.status, 200);
    assert.equal(sms.body.recipient, '13800138000');
    assert.equal(sms.body.body, '验证码 123456');
    const mail = await call(`/api/outbox/${ids['mail']}`, { actor: 'reader' });
    assert.deepEqual({ subject: mail.body.subject, body: mail.body.body, html: mail.body.html }, { subject: '受理通知', body: '您的申请已受理', html: '<p>已受理</p>' });
    assert.deepEqual((await call(`/api/outbox/${ids['event']}`, { actor: 'reader' })).body.payload, { caseId: 'c-1' });
    const missing = await call('/api/outbox/none', { actor: 'reader' });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'OUTBOX_MESSAGE_NOT_FOUND');
    const audit = await findAuditRecords(handle.db, { action: 'notify.outbox.view' }, 1, 10);
    assert.equal(audit.total, 3);
    assert.equal(audit.items.at(-1)?.actor_id, 'u-reader');
  });

  test('retrying is audited and kicks the dispatcher; sent or unknown messages are refused', async () => {
    const kicksBefore = kicks;
    const retried = await call(`/api/outbox/${ids['dead']}/retry`, { actor: 'sysadmin', method: 'POST' });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.status, 'pending');
    assert.equal(kicks, kicksBefore + 1);
    const audit = await findAuditRecords(handle.db, { action: 'notify.outbox.retry' }, 1, 10);
    assert.deepEqual(audit.items.map((item) => [item.subject_type, item.subject_id, item.actor_id]), [['outbox', ids['dead'], 'u-sys']]);
    const unknown = await call('/api/outbox/none/retry', { actor: 'sysadmin', method: 'POST' });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.message, 'No such message in the outbox');
  });

  test('messages belong to signed-in staff, and only the owner can mark one read', async () => {
    assert.equal((await call('/api/messages')).status, 401);
    assert.equal((await call('/api/messages', { actor: 'citizen' })).status, 403);
    const mine = await call('/api/messages', { actor: 'clerk' });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.total, 1);
    assert.equal(mine.body.unread, 1);
    assert.deepEqual(
      { title: mine.body.items[0].title, link: mine.body.items[0].link, readAt: mine.body.items[0].readAt },
      { title: '新办件', link: '/cases/c-1', readAt: null },
    );
    const foreign = await call(`/api/messages/${ids['other']}/read`, { actor: 'clerk', method: 'POST' });
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.code, 'MESSAGE_NOT_FOUND');
    const read = await call(`/api/messages/${ids['own']}/read`, { actor: 'clerk', method: 'POST' });
    assert.equal(read.status, 200);
    assert.ok(read.body.readAt);
    assert.equal((await call('/api/messages', { actor: 'clerk' })).body.unread, 0);
  });
});
