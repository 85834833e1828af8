import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './values.ts';

test('ids are UUIDv7: the creation time in the first 48 bits, version and variant set, unique, ordered by time', () => {
  const now = Date.UTC(2026, 10, 23, 8, 0, 0, 123);
  const ids = Array.from({ length: 5000 }, (_, index) => newId(now + index));
  for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(Number.parseInt(ids[0]!.replace('-', '').slice(0, 12), 16), now);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual([...ids].sort(), ids);
  // Ids of the same millisecond still differ in their random part.
  assert.notEqual(newId(now), newId(now));
});
