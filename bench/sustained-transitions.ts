// The cost event-driven evaluation adds to case transitions on a busy platform. Windows accept cases back to back,
// STREAMS at once, twice over different cases: first with no outbox dispatcher running, then with the platform's
// own dispatcher running as it runs in production (every second, and again at once while its batches come back
// full), its supervision subscriber evaluating every event. The second run ends only when every event and every
// notice the evaluations queued has been delivered. The difference between the two, over the number of
// transitions, is what the event-driven evaluation costs them, the dispatcher's claims, deliveries and records
// included.
import { sql } from 'kysely';
import type { createPlatform } from '../src/platform.ts';
import type { Actor } from '../src/core/auth/actor.ts';
import { actOnCase, type CaseDeps } from '../src/modules/services/cases.service.ts';

type Platform = Awaited<ReturnType<typeof createPlatform>>;
type WaitingCase = { id: string; version: number };

export const STREAMS = Number(process.env['BENCH_STREAMS'] ?? 4);

export interface SustainedFigures {
  transitions: number;
  aloneMs: number;
  withEvaluationMs: number;
  delivered: number;
  findingsRaised: number;
}

/** Accepts `alone` with no dispatcher running, then `evaluated` with it running until the outbox is drained. */
export async function measureSustainedTransitions(platform: Platform, deps: Pick<CaseDeps, 'calendar' | 'now'>, window: Actor, alone: readonly WaitingCase[], evaluated: readonly WaitingCase[]): Promise<SustainedFigures> {
  const { db } = platform.database;
  const servicesDeps = { db, calendar: deps.calendar, now: deps.now, store: undefined as never };
  const acceptAll = async (cases: readonly WaitingCase[]) => {
    let next = 0;
    const stream = async () => {
      while (next < cases.length) {
        const row = cases[next++]!;
        await actOnCase(servicesDeps, window, row.id, row.version, { action: 'accept', opinion: '' });
      }
    };
    await Promise.all(Array.from({ length: STREAMS }, stream));
  };
  await db.deleteFrom('outbox').execute();
  const aloneStarted = performance.now();
  await acceptAll(alone);
  const aloneMs = performance.now() - aloneStarted;
  // The events of the first run are not delivered: they are not what the second run measures.
  await db.deleteFrom('outbox').execute();

  const findingsBefore = await countRows(db, 'supervision_findings');
  const started = performance.now();
  platform.dispatcher.start(1000);
  await acceptAll(evaluated);
  // The transitions done, what is left is delivered at once (as the loop does while its batches come back full).
  await platform.dispatcher.stop();
  while ((await platform.dispatcher.runOnce()).claimed > 0);
  const withEvaluationMs = performance.now() - started;
  const undelivered = Number((await db.selectFrom('outbox').select(sql<number>`count(*)`.as('count')).where('status', '!=', 'sent').executeTakeFirstOrThrow()).count);
  if (undelivered > 0) throw new Error(`${undelivered} outbox rows were not delivered`);
  const total = Number((await db.selectFrom('outbox').select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow()).count);
  return { transitions: evaluated.length, aloneMs, withEvaluationMs, delivered: total, findingsRaised: (await countRows(db, 'supervision_findings')) - findingsBefore };
}

async function countRows(db: Platform['database']['db'], table: 'supervision_findings'): Promise<number> {
  return Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('count')).executeTakeFirstOrThrow()).count);
}
