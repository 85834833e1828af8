// Checks a module's pair of UI message tables: the same keys at every level, arrays of the same length, no empty
// text (except where the Chinese one is empty on purpose, or the text before or after a value — `…Before`,
// `…After` — that one language does not need), no Chinese characters left in the English one.
import assert from 'node:assert/strict';

const CHINESE = /[\u4e00-\u9fff]/;

/** Walks both tables side by side; `allowChinese` lists English keys (dotted paths) that quote Chinese on purpose. */
export function assertMatchingMessageTables(zh: unknown, en: unknown, allowChinese: readonly string[] = [], path = ''): void {
  if (typeof zh === 'string') {
    assert.equal(typeof en, 'string', `${path} is text in both tables`);
    if (zh !== '' && !/(Before|After)$/.test(path)) assert.notEqual(en, '', `${path} has English text`);
    if (!allowChinese.includes(path)) assert.doesNotMatch(en as string, CHINESE, `${path} is English`);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const name of placeholders(en as string)) assert.ok(placeholders(zh).includes(name), `${path}: {${name}} is a placeholder of the Chinese text too`);
    return;
  }
  assert.equal(typeof en, 'object', `${path} is a table in both`);
  assert.equal(Array.isArray(en), Array.isArray(zh), `${path} is a list in both or neither`);
  const zhKeys = Object.keys(zh as object).sort();
  assert.deepEqual(Object.keys(en as object).sort(), zhKeys, `${path || 'the tables'} have the same keys`);
  for (const key of zhKeys) {
    assertMatchingMessageTables((zh as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], allowChinese, path ? `${path}.${key}` : key);
  }
}
