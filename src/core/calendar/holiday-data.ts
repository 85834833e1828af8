// Shipped statutory holiday data: one `holidays/<year>.json` per State Council notice, so adding
// a year is adding one file. Files are read and validated once at module load; a bad file stops
// the boot with an error naming the file rather than silently shifting legal deadlines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dayOfWeek, isValidIsoDate } from './working-days.ts';

export interface ShippedHoliday {
  readonly name: string;
  readonly nameEn: string;
  /** Inclusive first and last day off. */
  readonly from: string;
  readonly to: string;
}

export interface ShippedMakeupWorkday {
  /** A Saturday or Sunday that is a working day (调休). */
  readonly date: string;
  /** Name of the holiday it makes up for. */
  readonly for: string;
}

export interface ShippedYear {
  readonly year: number;
  readonly source: string;
  readonly holidays: readonly ShippedHoliday[];
  readonly makeupWorkdays: readonly ShippedMakeupWorkday[];
}

const isoDate = z.string().refine(isValidIsoDate, { message: 'must be a real date in YYYY-MM-DD form' });
const text = z.string().trim().min(1);

// Strict objects so a misspelt key ("makeupWorkday") is an error, not silently ignored data.
const yearFileSchema = z.strictObject({
  year: z.int().min(1900).max(9999),
  source: text,
  holidays: z.array(z.strictObject({ name: text, nameEn: text, from: isoDate, to: isoDate })),
  makeupWorkdays: z.array(z.strictObject({ date: isoDate, for: text })),
});

const HOLIDAY_DIR = join(import.meta.dirname, 'holidays');
const FILE_NAME = /^(\d{4})\.json$/;

// Checks zod cannot express per field: dates in the file's year, order, overlaps, weekends.
function semanticProblems(data: ShippedYear): string[] {
  const problems: string[] = [];
  const prefix = `${data.year}-`;
  const taken = new Map<string, string>();
  for (const [i, h] of data.holidays.entries()) {
    const where = `holidays[${i}] (${h.name})`;
    const outside = [h.from, h.to].filter((d) => !d.startsWith(prefix));
    for (const d of outside) problems.push(`${where}: ${d} is not in ${data.year}`);
    if (outside.length > 0) continue;
    if (h.to < h.from) {
      problems.push(`${where}: to ${h.to} is before from ${h.from}`);
      continue;
    }
    for (let d = h.from; d <= h.to; d = nextDate(d)) {
      const other = taken.get(d);
      if (other !== undefined) problems.push(`${where}: ${d} is already part of ${other}`);
      taken.set(d, h.name);
    }
  }
  const names = new Set(data.holidays.map((h) => h.name));
  const seen = new Set<string>();
  for (const [i, m] of data.makeupWorkdays.entries()) {
    const where = `makeupWorkdays[${i}] (${m.date})`;
    if (!m.date.startsWith(prefix)) problems.push(`${where}: not in ${data.year}`);
    const dow = dayOfWeek(m.date);
    if (dow !== 0 && dow !== 6) problems.push(`${where}: a make-up workday must be a Saturday or Sunday`);
    if (taken.has(m.date)) problems.push(`${where}: is also a holiday day`);
    if (seen.has(m.date)) problems.push(`${where}: listed twice`);
    if (!names.has(m.for)) problems.push(`${where}: "for" names no holiday in this file: ${m.for}`);
    seen.add(m.date);
  }
  return problems;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function deepFreeze(data: ShippedYear): ShippedYear {
  data.holidays.forEach((h) => Object.freeze(h));
  data.makeupWorkdays.forEach((m) => Object.freeze(m));
  Object.freeze(data.holidays);
  Object.freeze(data.makeupWorkdays);
  return Object.freeze(data);
}

/** Validates one year's parsed JSON; `label` (usually the file path) is named in every error. */
export function parseShippedYear(json: unknown, label: string, expectedYear?: number): ShippedYear {
  const result = yearFileSchema.safeParse(json);
  if (!result.success) throw new Error(`Holiday data ${label} is malformed:\n${z.prettifyError(result.error)}`);
  if (expectedYear !== undefined && result.data.year !== expectedYear) {
    throw new Error(`Holiday data ${label}: file name says ${expectedYear} but "year" is ${result.data.year}`);
  }
  const problems = semanticProblems(result.data);
  if (problems.length > 0) throw new Error(`Holiday data ${label} is invalid:\n  - ${problems.join('\n  - ')}`);
  return deepFreeze(result.data);
}

/** Reads every `<year>.json` in `dir`, sorted by year; the file name must match the year inside. */
export function readShippedYearsFrom(dir: string): ShippedYear[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    const path = join(dir, file);
    const match = FILE_NAME.exec(file);
    if (match === null) throw new Error(`Holiday data ${path}: file name must be <year>.json`);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Holiday data ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    return parseShippedYear(json, path, Number(match[1]));
  });
}

const SHIPPED_YEARS: readonly ShippedYear[] = readShippedYearsFrom(HOLIDAY_DIR);

/** The shipped years (validated at module load), ascending; entries are frozen and shared. */
export function loadShippedYears(): ShippedYear[] {
  return [...SHIPPED_YEARS];
}
