import { test } from 'node:test';
import { assertMatchingMessageTables } from '../../core/i18n/message-tables.test-support.ts';
import { en } from './portal.messages.en.ts';
import { zh } from './portal.messages.zh.ts';

test('the portal has every text in English too, with the Chinese table’s keys and placeholders', () => {
  assertMatchingMessageTables(zh, en);
});
