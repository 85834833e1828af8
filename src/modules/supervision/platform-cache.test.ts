import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPlatformCache } from './platform-cache.ts';

function counting(value: string) {
  const load = async () => ((load.calls += 1), `${value}#${load.calls}`);
  load.calls = 0;
  return load;
}

test('a value is kept per platform and key until its time is up or the platform forgets it', async () => {
  const cache = createPlatformCache<string>(60_000);
  const [one, two] = [{}, {}];
  const load = counting('rules');
  assert.equal(await cache.get(one, 'case', load), 'rules#1');
  assert.equal(await cache.get(one, 'case', load), 'rules#1', 'kept');
  assert.equal(await cache.get(one, 'task', load), 'rules#2', 'another key');
  assert.equal(await cache.get(two, 'case', load), 'rules#3', 'another platform');
  cache.forget(one);
  assert.equal(await cache.get(one, 'case', load), 'rules#4', 'forgotten');
  assert.equal(await cache.get(two, 'case', load), 'rules#3', 'the other platform keeps its own');
});

test('a value whose time is up is loaded again; a full cache starts afresh', async () => {
  const expired = createPlatformCache<string>(0);
  const load = counting('steps');
  const platform = {};
  await expired.get(platform, 'item', load);
  await expired.get(platform, 'item', load);
  assert.equal(load.calls, 2);

  const small = createPlatformCache<string>(60_000, 2);
  const fill = counting('people');
  await small.get(platform, 'a', fill);
  await small.get(platform, 'b', fill);
  await small.get(platform, 'c', fill);
  assert.equal(await small.get(platform, 'c', fill), 'people#3', 'the newest stays');
  assert.equal(await small.get(platform, 'a', fill), 'people#4', 'the older ones went');
});
