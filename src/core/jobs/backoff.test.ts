// Retry delays and period arithmetic: pure functions, checked over their whole input space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeRetryDelayMs } from './backoff.ts';
import { computeNextRunAt } from './scheduler.service.ts';

test('retry delays double from 30 s up to one hour', () => {
  const exact = (failures: number) => computeRetryDelayMs(failures, { random: () => 0.5 });
  assert.deepEqual([1, 2, 3, 4, 7, 8, 9, 50].map(exact), [30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000]);
});

test('jitter stays within ±10 % of the capped delay', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, random) => {
      const capped = Math.min(30_000 * 2 ** Math.min(failures - 1, 40), 3_600_000);
      const delay = computeRetryDelayMs(failures, { random: () => random });
      return delay >= Math.floor(capped * 0.9) && delay <= Math.ceil(capped * 1.1);
    }),
  );
});

test('the next run is the first period boundary after now', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1000, max: 86_400_000 }), (dueAt, elapsed, interval) => {
      const next = computeNextRunAt(dueAt, dueAt + elapsed, interval);
      return next > dueAt + elapsed && next - (dueAt + elapsed) <= interval && (next - dueAt) % interval === 0;
    }),
  );
  assert.equal(computeNextRunAt(1000, 500, 60), 1000);
});
