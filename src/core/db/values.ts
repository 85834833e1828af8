// The one way values are stored on both databases: ISO-8601 UTC text timestamps, 0/1 booleans, JSON as text,
// time-ordered ids.
import { randomBytes } from 'node:crypto';

/** A UUIDv7: random but ordered by creation time, so new rows land at the end of indexes. */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
