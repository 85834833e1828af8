import { test } from 'node:test';
import { assertMatchingMessageTables } from '../../core/i18n/message-tables.test-support.ts';
import { en } from './services.pages.messages.en.ts';
import { zh } from './services.pages.messages.zh.ts';

test('the hall pages have every text in English too, with the Chinese table’s keys and placeholders', () => {
  // The search box's example is an item name: items are listed in Chinese, so it is searched in Chinese.
  assertMatchingMessageTables(zh, en, ['home.searchPlaceholder']);
});
