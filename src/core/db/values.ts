// The one way values are stored on both databases: ISO-8601 UTC text timestamps, 0/1 booleans, JSON as text,
// time-ordered ids.
import { randomFillSync } from 'node:crypto';

// Random bytes are drawn from the system a few kilobytes at a time: one call per id cost more than the rest of the id.
const POOL_SIZE = 16 * 256;
const pool = Buffer.alloc(POOL_SIZE);
let poolOffset = POOL_SIZE;
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A UUIDv7: random but ordered by creation time, so new rows land at the end of indexes. */
export function newId(now: number = Date.now()): string {
  if (poolOffset + 16 > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const random = (index: number) => pool[poolOffset + index] as number;
  // 48-bit milliseconds, then version 7 and the variant bits over random bytes.
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const id = `${time.slice(0, 8)}-${time.slice(8, 12)}-${HEX[0x70 | (random(6) & 0x0f)]}${HEX[random(7)]}-${HEX[0x80 | (random(8) & 0x3f)]}${HEX[random(9)]}-${HEX[random(10)]}${HEX[random(11)]}${HEX[random(12)]}${HEX[random(13)]}${HEX[random(14)]}${HEX[random(15)]}`;
  poolOffset += 16;
  return id;
}

/** The stored form of a moment: ISO-8601 UTC with milliseconds, which sorts as text. */
export function toTimestamp(moment: Date | number): string {
  return new Date(moment).toISOString();
}

/** Stored booleans are integers on both databases. */
export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

/** Reads a stored 0/1 (or PostgreSQL boolean) back as a boolean. */
export function fromFlag(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}

/** Stored JSON is text on both databases. */
export function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Parses stored JSON text, tolerating null. */
export function fromJson<T>(value: string | null | undefined): T | null {
  return value === null || value === undefined ? null : (JSON.parse(value) as T);
}

/** Counts come back as numbers or numeric strings depending on the driver; this makes them numbers. */
export function toCount(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}
