// The transactional outbox on a real database: messages exist only when their transaction commits, delivery and
// retries with backoff, dead letters, two dispatchers never delivering one message twice, lease expiry, events
// reaching only matching subscribers, and in-app messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { coreMigrations } from '../db/migrations/index.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { findAuditRecords } from '../audit/audit.repository.ts';
import { systemActor, type Actor } from '../auth/actor.ts';
import { isAppError } from '../errors/app-error.ts';
import { silentLogger } from '../jobs/index.ts';
import { manualClock, testDialect, withMigratedDatabase } from '../../../test/test-database.ts';
import { claimDueOutboxMessages, findOutboxMessageById, findOutboxPage, markOutboxSent } from './outbox.repository.ts';
import {
  createOutboxDispatcher,
  createRecordingEmailSender,
  createRecordingSmsGateway,
  enqueueEmail,
  enqueueSms,
  findMessages,
  markMessageRead,
  publishEvent,
  retryOutboxMessage,
  sendInAppMessage,
  type EmailSender,
} from './index.ts';

const withDatabase = (work: Parameters<typeof withMigratedDatabase>[1]) => withMigratedDatabase([coreMigrations], work);

const outboxAdmin: Actor = { ...systemActor('admin'), kind: 'staff', userId: 'u-admin', grants: [{ permission: 'notify.outbox.manage', scope: 'all' }] };

test(`nothing is queued when the transaction rolls back (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await enqueueEmail(tx, { to: 'a@example.cn', subject: '受理通知', text: '您的申请已受理' });
        await enqueueSms(tx, { to: '13800138000', text: '您的申请已受理' });
        await publishEvent(tx, 'case.accepted', { caseId: 'c-1' });
        await sendInAppMessage(tx, { userId: 'u-1', title: '新办件', body: '请处理' });
        throw new Error('the use case failed');
      }),
      /the use case failed/,
    );
    assert.equal((await findOutboxPage(db, {}, 1, 10)).total, 0);
    assert.equal((await findMessages(db, 'u-1', 1, 10)).total, 0);
  }));

test(`committed mail, SMS and events are delivered once (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const emailSender = createRecordingEmailSender();
    const smsGateway = createRecordingSmsGateway();
    const events: string[] = [];
    const dispatcher = createOutboxDispatcher({ db, emailSender, smsGateway, logger: silentLogger });
    dispatcher.subscribe('case.accepted', async (topic, payload) => void events.push(`${topic}:${JSON.stringify(payload)}`));
    const ids = await db.transaction().execute(async (tx) => [
      await enqueueEmail(tx, { to: 'zhang@example.cn', subject: '受理通知', text: '您的申请已受理', html: '<p>您的申请已受理</p>', topic: 'case.acceptedNotice' }),
      await enqueueSms(tx, { to: '+86 138-0013-8000', text: '您的申请已受理' }),
      await publishEvent(tx, 'case.accepted', { caseId: 'c-1' }),
    ]);
    const counts = await dispatcher.runOnce();
    assert.deepEqual(counts, { reclaimed: 0, claimed: 3, sent: 3, retried: 0, dead: 0, lost: 0, released: 0 });
    assert.deepEqual(
      emailSender.recorded.map(({ to, subject, text, html }) => ({ to, subject, text, html })),
      [{ to: 'zhang@example.cn', subject: '受理通知', text: '您的申请已受理', html: '<p>您的申请已受理</p>' }],
    );
    assert.deepEqual(smsGateway.recorded.map(({ to, text }) => ({ to, text })), [{ to: '13800138000', text: '您的申请已受理' }]);
    assert.deepEqual(events, ['case.accepted:{"caseId":"c-1"}']);
    for (const id of ids) {
      const row = await findOutboxMessageById(db, id);
      assert.equal(row?.status, 'sent');
      assert.ok(row?.sent_at);
      assert.equal(row?.last_error, null);
    }
    assert.equal((await dispatcher.runOnce()).claimed, 0);
  }));

test(`an unreachable recipient is stored dead without failing the use case (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const [mail, sms] = await db.transaction().execute(async (tx) => [
      await enqueueEmail(tx, { to: 'not an address', subject: 's', text: 't' }),
      await enqueueSms(tx, { to: '12345', text: 't' }),
    ]);
    assert.equal((await findOutboxMessageById(db, mail!))?.status, 'dead');
    assert.equal((await findOutboxMessageById(db, sms!))?.status, 'dead');
  }));

test(`a failing sender is retried with growing delays, ends dead, and a manual retry sends it (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    let healthy = false;
    const sent: string[] = [];
    const emailSender: EmailSender = {
      send: async (message) => {
        if (!healthy) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
        sent.push(message.subject);
        return { messageId: 'm-1' };
      },
      close: () => {},
    };
    const dispatcher = createOutboxDispatcher({ db, emailSender, smsGateway: createRecordingSmsGateway(), clock: time.clock, maxAttempts: 4, logger: silentLogger });
    const id = await db.transaction().execute((tx) => enqueueEmail(tx, { to: 'li@example.cn', subject: '补正通知', text: '请补正材料' }, time.clock()));

    let previousDelay = 0;
    for (const expectedMs of [30_000, 60_000, 120_000]) {
      const before = time.clock().getTime();
      assert.equal((await dispatcher.runOnce()).retried, 1);
      const row = await findOutboxMessageById(db, id);
      assert.equal(row?.status, 'failed');
      assert.match(row?.last_error ?? '', /ECONNREFUSED/);
      const delay = Date.parse(row!.next_attempt_at) - before;
      assert.ok(delay >= expectedMs * 0.9 && delay <= expectedMs * 1.1, `delay ${delay} near ${expectedMs}`);
      assert.ok(delay > previousDelay);
      previousDelay = delay;
      time.advance(delay - 1);
      assert.equal((await dispatcher.runOnce()).claimed, 0, 'not due before its delay');
      time.advance(1);
    }
    assert.equal((await dispatcher.runOnce()).dead, 1);
    const dead = await findOutboxMessageById(db, id);
    assert.equal(dead?.status, 'dead');
    assert.equal(dead?.attempts, 4);
    time.advance(24 * 3_600_000);
    assert.equal((await dispatcher.runOnce()).claimed, 0, 'dead stays dead');

    await assert.rejects(retryOutboxMessage(db, { ...outboxAdmin, grants: [] }, id), (error) => isAppError(error, 'FORBIDDEN'));
    healthy = true;
    const retried = await retryOutboxMessage(db, outboxAdmin, id, time.clock());
    assert.equal(retried.status, 'pending');
    assert.equal((await dispatcher.runOnce()).sent, 1);
    assert.deepEqual(sent, ['补正通知']);
    await assert.rejects(retryOutboxMessage(db, outboxAdmin, id), (error) => isAppError(error, 'OUTBOX_MESSAGE_NOT_RETRYABLE'));
    await assert.rejects(retryOutboxMessage(db, outboxAdmin, 'nope'), (error) => isAppError(error, 'OUTBOX_MESSAGE_NOT_FOUND'));
    const audit = await findAuditRecords(db, { action: 'notify.outbox.retry' }, 1, 10);
    assert.equal(audit.total, 1);
    assert.equal(audit.items[0]?.subject_id, id);
  }));

test(`two dispatchers on two handles never deliver one message twice (${testDialect()})`, () =>
  withDatabase(async ({ db, testDatabase }) => {
    const deliveries = new Map<string, string[]>();
    await db.transaction().execute(async (tx) => {
      for (let index = 0; index < 50; index += 1) await enqueueEmail(tx, { to: `user${index}@example.cn`, subject: `通知 ${index}`, text: '正文' });
    });
    const handles: DatabaseHandle[] = [testDatabase.open(), testDatabase.open()];
    try {
      const dispatchers = handles.map((handle, index) => {
        const node = `node-${index + 1}`;
        const emailSender: EmailSender = {
          send: async (message) => {
            deliveries.set(message.to, [...(deliveries.get(message.to) ?? []), node]);
            await sleep(1);
            return { messageId: `${node}-${message.to}` };
          },
          close: () => {},
        };
        return createOutboxDispatcher({ db: handle.db, emailSender, smsGateway: createRecordingSmsGateway(), batchSize: 4, logger: silentLogger });
      });
      await Promise.all(
        dispatchers.map(async (dispatcher) => {
          while ((await dispatcher.runOnce()).claimed > 0);
        }),
      );
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
    assert.equal(deliveries.size, 50);
    for (const [to, nodes] of deliveries) assert.equal(nodes.length, 1, `${to} delivered by ${nodes.join(', ')}`);
    assert.equal(new Set([...deliveries.values()].flat()).size, 2, 'both dispatchers took part');
    assert.equal((await findOutboxPage(db, { status: 'sent' }, 1, 1)).total, 50);
  }));

test(`a 'sending' row whose lease expired is reclaimed and delivered (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    const emailSender = createRecordingEmailSender();
    const id = await db.transaction().execute((tx) => enqueueEmail(tx, { to: 'wang@example.cn', subject: '办结通知', text: '已办结' }, time.clock()));
    // A node claims the row and dies mid-delivery.
    const now = time.clock().getTime();
    const [stuck] = await claimDueOutboxMessages(db, { now: new Date(now).toISOString(), leaseUntil: new Date(now + 300_000).toISOString(), limit: 10 });
    assert.equal(stuck?.id, id);
    const dispatcher = createOutboxDispatcher({ db, emailSender, smsGateway: createRecordingSmsGateway(), clock: time.clock, logger: silentLogger });
    assert.deepEqual(await dispatcher.runOnce(), { reclaimed: 0, claimed: 0, sent: 0, retried: 0, dead: 0, lost: 0, released: 0 });
    time.advance(300_000);
    const counts = await dispatcher.runOnce();
    assert.equal(counts.reclaimed, 1);
    assert.equal(counts.sent, 1);
    assert.equal(emailSender.recorded.length, 1);
    assert.equal(await markOutboxSent(db, { id, attempts: stuck!.attempts }, time.clock().toISOString()), false, 'the dead node cannot record');
    const row = await findOutboxMessageById(db, id);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 2);
  }));

test(`a batch's deliveries are recorded together, except a row another node reclaimed meanwhile (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    let reclaimSecond: (() => Promise<void>) | undefined;
    const sent: string[] = [];
    // The second delivery outlasts the lease: another node reclaims both rows still out and claims them afresh.
    const slowSender: EmailSender = {
      send: async (message) => {
        sent.push(message.to);
        if (message.to === 'b@example.cn') await reclaimSecond?.();
        return { messageId: message.to };
      },
      close: () => {},
    };
    const ids = await db.transaction().execute(async (tx) => [
      await enqueueEmail(tx, { to: 'a@example.cn', subject: 's', text: 't' }, time.clock()),
      await enqueueEmail(tx, { to: 'b@example.cn', subject: 's', text: 't' }, new Date(time.clock().getTime() + 1)),
    ]);
    time.advance(1);
    const dispatcher = createOutboxDispatcher({ db, emailSender: slowSender, smsGateway: createRecordingSmsGateway(), clock: time.clock, leaseSeconds: 300, logger: silentLogger });
    const other = createOutboxDispatcher({ db, emailSender: createRecordingEmailSender(), smsGateway: createRecordingSmsGateway(), clock: time.clock, leaseSeconds: 300, logger: silentLogger });
    reclaimSecond = async () => {
      reclaimSecond = undefined;
      time.advance(300_001);
      const taken = await other.runOnce();
      assert.deepEqual([taken.reclaimed, taken.claimed, taken.sent], [2, 2, 2]);
    };
    assert.deepEqual(await dispatcher.runOnce(), { reclaimed: 0, claimed: 2, sent: 0, retried: 0, dead: 0, lost: 2, released: 0 });
    for (const id of ids) {
      const row = await findOutboxMessageById(db, id);
      assert.deepEqual([row?.status, row?.attempts], ['sent', 2], 'recorded by the node that reclaimed it');
    }
    // The first node's batch records what it still holds: here it got a third row after the other node's run.
    const third = await db.transaction().execute((tx) => enqueueEmail(tx, { to: 'c@example.cn', subject: 's', text: 't' }, time.clock()));
    assert.deepEqual(await dispatcher.runOnce(), { reclaimed: 0, claimed: 1, sent: 1, retried: 0, dead: 0, lost: 0, released: 0 });
    assert.equal((await findOutboxMessageById(db, third))?.status, 'sent');
    assert.deepEqual(sent, ['a@example.cn', 'b@example.cn', 'c@example.cn']);
  }));

test(`a batch that outlives half its lease hands the rest back unattempted (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    const sent: string[] = [];
    const slowSender: EmailSender = { send: async (message) => (time.advance(200_000), sent.push(message.to), { messageId: message.to }), close: () => {} };
    const ids = await db.transaction().execute(async (tx) => [
      await enqueueEmail(tx, { to: 'a@example.cn', subject: 's', text: 't' }, time.clock()),
      await enqueueEmail(tx, { to: 'b@example.cn', subject: 's', text: 't' }, new Date(time.clock().getTime() + 1)),
    ]);
    time.advance(1);
    const dispatcher = createOutboxDispatcher({ db, emailSender: slowSender, smsGateway: createRecordingSmsGateway(), clock: time.clock, leaseSeconds: 300, logger: silentLogger });
    assert.deepEqual(await dispatcher.runOnce(), { reclaimed: 0, claimed: 2, sent: 1, retried: 0, dead: 0, lost: 0, released: 1 });
    const released = await findOutboxMessageById(db, ids[1]!);
    assert.deepEqual([released?.status, released?.attempts], ['pending', 0]);
    assert.equal((await dispatcher.runOnce()).sent, 1);
    assert.deepEqual(sent, ['a@example.cn', 'b@example.cn']);
  }));

test(`events reach matching subscribers only, and a failing subscriber retries them all (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    const calls: string[] = [];
    const eventIds = new Set<string>();
    let supervisionUp = false;
    const dispatcher = createOutboxDispatcher({
      db,
      emailSender: createRecordingEmailSender(),
      smsGateway: createRecordingSmsGateway(),
      clock: time.clock,
      logger: silentLogger,
      subscribers: [{ pattern: 'case.*', name: 'portal', handler: async (topic, _payload, event) => void (calls.push(`portal ${topic}`), eventIds.add(event.id)) }],
    });
    dispatcher.subscribe('case.accepted', async (topic, payload) => {
      calls.push(`supervision ${topic} ${(payload as { caseId: string }).caseId}`);
      if (!supervisionUp) throw new Error('supervision is down');
    }, 'supervision');
    dispatcher.subscribe('letter.replied', async (topic) => void calls.push(`mailbox ${topic}`));
    dispatcher.subscribe('*', async (topic) => void calls.push(`all ${topic}`));
    assert.throws(() => dispatcher.subscribe('case*', async () => {}), /pattern/);
    await assert.rejects(db.transaction().execute((tx) => publishEvent(tx, 'Bad Topic', {})), /module\.event/);

    const [accepted, warned] = await db.transaction().execute(async (tx) => [
      await publishEvent(tx, 'case.accepted', { caseId: 'c-9' }, {}, time.clock()),
      await publishEvent(tx, 'case.deadline.warned', { caseId: 'c-9' }, {}, time.clock()),
      await publishEvent(tx, 'caseload.changed', {}, {}, time.clock()),
    ]);
    const first = await dispatcher.runOnce();
    assert.equal(first.sent, 2);
    assert.equal(first.retried, 1);
    assert.deepEqual(calls.sort(), [
      'all case.accepted',
      'all case.deadline.warned',
      'all caseload.changed',
      'portal case.accepted',
      'portal case.deadline.warned',
      'supervision case.accepted c-9',
    ]);
    const failed = await findOutboxMessageById(db, accepted!);
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.last_error, 'supervision: supervision is down');
    assert.equal((await findOutboxMessageById(db, warned!))?.status, 'sent');

    calls.length = 0;
    supervisionUp = true;
    time.advance(40_000);
    assert.equal((await dispatcher.runOnce()).sent, 1);
    assert.deepEqual(calls.sort(), ['all case.accepted', 'portal case.accepted', 'supervision case.accepted c-9']);
    assert.equal(eventIds.size, 2, 'a retried event keeps its id');
  }));

test(`a batch subscriber takes a claimed batch's matching events in one call; its failure retries them all (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock();
    const batches: string[][] = [];
    const single: string[] = [];
    let up = false;
    const dispatcher = createOutboxDispatcher({
      db,
      emailSender: createRecordingEmailSender(),
      smsGateway: createRecordingSmsGateway(),
      clock: time.clock,
      logger: silentLogger,
      batchSize: 10,
      subscribers: [{
        pattern: 'case.*', name: 'supervision', handler: async () => assert.fail('a batch subscriber is not called one event at a time'),
        batchHandler: async (events) => {
          batches.push(events.map((delivered) => `${delivered.topic} ${(delivered.payload as { caseId: string }).caseId} #${delivered.event.attempt}`));
          if (!up) throw new Error('supervision is down');
        },
      }],
    });
    dispatcher.subscribe('case.concluded', async (topic) => void single.push(topic));
    await db.transaction().execute(async (tx) => {
      for (const caseId of ['c-1', 'c-2', 'c-3']) await publishEvent(tx, 'case.accepted', { caseId }, {}, time.clock());
      await publishEvent(tx, 'case.concluded', { caseId: 'c-1' }, {}, time.clock());
      await publishEvent(tx, 'letter.replied', { letterId: 'l-1' }, {}, time.clock());
    });
    const first = await dispatcher.runOnce();
    assert.deepEqual([first.claimed, first.sent, first.retried], [5, 1, 4]);
    assert.deepEqual(batches, [['case.accepted c-1 #1', 'case.accepted c-2 #1', 'case.accepted c-3 #1', 'case.concluded c-1 #1']]);
    assert.deepEqual(single, ['case.concluded'], 'the other subscribers still run');
    const page = await findOutboxPage(db, { status: 'failed' }, 1, 10);
    assert.deepEqual(page.items.map((row) => row.last_error), Array(4).fill('supervision: supervision is down'));

    up = true;
    time.advance(40_000);
    assert.equal((await dispatcher.runOnce()).sent, 4);
    assert.deepEqual(batches[1], ['case.accepted c-1 #2', 'case.accepted c-2 #2', 'case.accepted c-3 #2', 'case.concluded c-1 #2']);
    assert.deepEqual(single, ['case.concluded', 'case.concluded'], 'a retry runs every subscriber again');
  }));

test(`in-app messages: committed is delivered; only the owner reads them (${testDialect()})`, () =>
  withDatabase(async ({ db }) => {
    const time = manualClock(Date.parse('2026-03-02T08:00:00.000Z'));
    const [first] = await db.transaction().execute(async (tx) => [
      await sendInAppMessage(tx, { userId: 'u-1', title: '新办件', body: '请于3个工作日内处理', link: '/cases/c-1' }, time.clock()),
      await sendInAppMessage(tx, { userId: 'u-1', title: '督办', body: '办件即将超期' }, new Date(time.clock().getTime() + 1000)),
      await sendInAppMessage(tx, { userId: 'u-2', title: '别人的', body: '…' }, time.clock()),
    ]);
    assert.equal((await findOutboxPage(db, {}, 1, 10)).total, 0, 'in-app messages do not go through the outbox');
    const listed = await findMessages(db, 'u-1', 1, 10);
    assert.equal(listed.total, 2);
    assert.equal(listed.unread, 2);
    assert.deepEqual(listed.items.map((item) => item.title), ['督办', '新办件']);
    assert.equal(listed.items[1]?.link, '/cases/c-1');

    await assert.rejects(db.transaction().execute((tx) => markMessageRead(tx, 'u-2', first!)), (error) => isAppError(error, 'MESSAGE_NOT_FOUND'));
    const read = await db.transaction().execute((tx) => markMessageRead(tx, 'u-1', first!, time.clock()));
    assert.equal(read.readAt, '2026-03-02T08:00:00.000Z');
    const again = await db.transaction().execute((tx) => markMessageRead(tx, 'u-1', first!, new Date('2026-03-03T00:00:00.000Z')));
    assert.equal(again.readAt, '2026-03-02T08:00:00.000Z', 'the first reading time is kept');
    assert.equal((await findMessages(db, 'u-1', 1, 10)).unread, 1);
    assert.equal((await findMessages(db, 'u-1', 2, 1)).items[0]?.title, '新办件');
  }));
