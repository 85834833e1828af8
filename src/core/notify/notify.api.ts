// JSON routes of the outbox (system administrators) and of in-app messages (every signed-in staff user).
// Contract: docs/console-api.md, "Outbox and messages".
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { App } from '../http/server.ts';
import { pageOf, pageQuerySchema } from '../http/pagination.ts';
import { findMessages, markMessageRead } from './messages.service.ts';
import { assertSignedInStaff } from './notify.policy.ts';
import type { OutboxDispatcher } from './outbox.dispatcher.ts';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from './outbox.repository.ts';
import { findOutboxMessages, getOutboxMessage, retryOutboxMessage } from './outbox.service.ts';

const outboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(OUTBOX_CHANNELS),
  topic: z.string(),
  recipient: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});

const outboxMessageDetailSchema = outboxMessageSchema.extend({
  body: z.string().nullable(),
  html: z.string().nullable(),
  payload: z.unknown(),
});

const messageSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

const idParamsSchema = z.object({ id: z.string().min(1).max(64) });

const outboxQuerySchema = pageQuerySchema.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(OUTBOX_CHANNELS).optional(),
});

/** Registers /api/outbox and /api/messages; `dispatcher.kick()` makes a retried message go out without waiting. */
export function registerNotifyRoutes(app: App, deps: { db: Db; dispatcher: Pick<OutboxDispatcher, 'kick'> }): void {
  const { db, dispatcher } = deps;

  app.get(
    '/api/outbox',
    { schema: { tags: ['notify'], summary: 'List the outbox', querystring: outboxQuerySchema, response: { 200: pageOf(outboxMessageSchema) } } },
    async (request) => findOutboxMessages(db, request.actor, request.query),
  );

  app.get(
    '/api/outbox/:id',
    { schema: { tags: ['notify'], summary: 'Read one outbox message (audited)', params: idParamsSchema, response: { 200: outboxMessageDetailSchema } } },
    async (request) => getOutboxMessage(db, request.actor, request.params.id),
  );

  app.post(
    '/api/outbox/:id/retry',
    { schema: { tags: ['notify'], summary: 'Retry an outbox message now', params: idParamsSchema, response: { 200: outboxMessageSchema } } },
    async (request) => {
      const message = await retryOutboxMessage(db, request.actor, request.params.id);
      dispatcher.kick();
      return message;
    },
  );

  app.get(
    '/api/messages',
    {
      schema: {
        tags: ['notify'],
        summary: 'My in-app messages',
        querystring: pageQuerySchema,
        response: { 200: z.object({ items: z.array(messageSchema), total: z.number().int(), unread: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (request) => {
      const userId = assertSignedInStaff(request.actor);
      const { page, pageSize } = request.query;
      return { ...(await findMessages(db, userId, page, pageSize)), page, pageSize };
    },
  );

  app.post(
    '/api/messages/:id/read',
    { schema: { tags: ['notify'], summary: 'Mark one of my messages read', params: idParamsSchema, response: { 200: messageSchema } } },
    async (request) => {
      const userId = assertSignedInStaff(request.actor);
      return db.transaction().execute((tx) => markMessageRead(tx, userId, request.params.id));
    },
  );
}
