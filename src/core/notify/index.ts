// Public API of notifications: the transactional outbox (e-mail, SMS, domain events), in-app messages, the
// dispatcher that delivers after commit, the senders and the console routes.
export { enqueueEmail, enqueueSms, publishEvent, findOutboxMessages, getOutboxMessage, retryOutboxMessage } from './outbox.service.ts';
export type { EmailToSend, SmsToSend, OutboxMessageView, OutboxMessageDetail } from './outbox.service.ts';
export { sendInAppMessage, findMessages, markMessageRead } from './messages.service.ts';
export { createNotificationBatch, type NotificationBatch } from './notification-batch.ts';
export { gatedNoticeInserts, type Gated } from './notices.repository.ts';
export type { MessageRow } from './messages.repository.ts';
export type { InAppMessageToSend, MessageView } from './messages.service.ts';
export { createOutboxDispatcher } from './outbox.dispatcher.ts';
export type { OutboxDispatcher, OutboxDispatcherOptions, OutboxDispatchCounts } from './outbox.dispatcher.ts';
export { matchesTopic, EVENT_TOPIC_PATTERN } from './event-topics.ts';
export type { BatchEventHandler, DeliveredEvent, EventHandler, EventSubscription, PublishedEvent } from './event-topics.ts';
export { createSmtpEmailSender, createRecordingEmailSender } from './email-sender.ts';
export type { EmailMessage, EmailSender, SmtpEmailSenderOptions } from './email-sender.ts';
export { createHttpSmsGateway, createRecordingSmsGateway } from './sms-gateway.ts';
export type { HttpSmsGatewayOptions, SmsGateway, SmsMessage } from './sms-gateway.ts';
export { registerNotifyRoutes } from './notify.api.ts';
export { OUTBOX_CHANNELS, OUTBOX_STATUSES } from './outbox.repository.ts';
export type { OutboxChannel, OutboxStatus, OutboxRow } from './outbox.repository.ts';
