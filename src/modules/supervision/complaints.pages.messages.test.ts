import { test } from 'node:test';
import { assertMatchingMessageTables } from '../../core/i18n/message-tables.test-support.ts';
import { en } from './complaints.pages.messages.en.ts';
import { zh } from './complaints.pages.messages.zh.ts';

test('the complaint pages have every text in English too, with the Chinese table’s keys and placeholders', () => {
  assertMatchingMessageTables(zh, en);
});
