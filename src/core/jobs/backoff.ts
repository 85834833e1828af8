// How long to wait before the next attempt of something that failed: doubling from a base, capped, with jitter
// so that many nodes retrying the same broken dependency do not knock on it in step.

export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs?: number;
  /** Longest delay before jitter. */
  maxMs?: number;
  /** Relative spread either way, 0.1 = ±10 %. */
  jitter?: number;
  /** A number in [0, 1); injectable for tests. */
  random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 30_000, maxMs: 3_600_000, jitter: 0.1 } as const;

/** The delay after failure number `failures` (1-based): min(base × 2^(failures−1), max) ± jitter. */
export function computeRetryDelayMs(failures: number, options: BackoffOptions = {}): number {
  const baseMs = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const maxMs = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const jitter = options.jitter ?? DEFAULT_BACKOFF.jitter;
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, Math.min(failures - 1, 40));
  const capped = Math.min(baseMs * 2 ** exponent, maxMs);
  return Math.round(capped * (1 + jitter * (2 * random() - 1)));
}
