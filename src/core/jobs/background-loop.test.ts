// The worker loop: one run at a time, kick() for "run soon", stop() waits for the run in progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createBackgroundLoop, silentLogger } from './background-loop.ts';

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(2);
  }
}

test('runs on start, again on kick, never two at once, and stop waits for the current run', async () => {
  let runs = 0;
  let active = 0;
  let maxActive = 0;
  const loop = createBackgroundLoop('test', async () => {
    runs += 1;
    active += 1;
    maxActive = Math.max(maxActive, active);
    await sleep(20);
    active -= 1;
    return false;
  }, silentLogger);
  loop.kick();
  await sleep(30);
  assert.equal(runs, 0, 'kick does nothing before start');
  loop.start(60_000);
  await waitFor(() => active === 1);
  assert.equal(runs, 1);
  loop.kick();
  loop.kick();
  await waitFor(() => runs === 2 && active === 0);
  await sleep(50);
  assert.equal(runs, 2, 'kicks during a run collapse into one more run');
  assert.equal(maxActive, 1);
  loop.kick();
  await waitFor(() => active === 1);
  await loop.stop();
  assert.equal(active, 0, 'stop waited for the run');
  const stoppedAt = runs;
  loop.kick();
  await sleep(30);
  assert.equal(runs, stoppedAt);
});

test('a failing tick is logged and the loop goes on', async () => {
  const errors: unknown[] = [];
  let runs = 0;
  const loop = createBackgroundLoop('test', async () => {
    runs += 1;
    if (runs === 1) throw new Error('database away');
    return false;
  }, { ...silentLogger, error: (details) => void errors.push(details) });
  loop.start(10);
  await waitFor(() => runs >= 2);
  await loop.stop();
  assert.equal(errors.length, 1);
  assert.ok(runs >= 2);
});
