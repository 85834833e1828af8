// Raising findings: each with its first history entry, an in-app message and an SMS to every person of the unit
// who may answer it, and the `supervision.finding_raised` event. An evaluation gathers what it raises and writes
// it all when it flushes, in a few multi-row statements whatever the number (a sweep raises thousands; on
// PostgreSQL each statement is a round trip). A finding's key is unique: a key already on record, from another
// node or an earlier try, is skipped with its notices, so retries and two nodes at once raise each finding once.
import { todayInChina } from '../../core/calendar/working-days.ts';
import type { DbExecutor } from '../../core/db/database.ts';
import { newId, toTimestamp } from '../../core/db/values.ts';
import { createNotificationBatch, type Gated, type MessageRow, type NotificationBatch, type OutboxRow } from '../../core/notify/index.ts';
import { findUnitStaffHolding } from '../identity/index.ts';
import type { SubjectSnapshot } from './supervision-evaluation.ts';
import { createPlatformCache } from './platform-cache.ts';
import { RESPOND_PERMISSION } from './supervision.policy.ts';
import { insertFindingAction, insertFindingsWithFirstEntries, markFindingResolved } from './supervision.repository.ts';
import type { SupervisionFindingActionsTable, SupervisionFindingsTable } from './supervision.tables.ts';
import type { FindingLevel } from './timeliness.ts';

export const LEVEL_NAMES = { warning: { zh: '预警', en: 'warning' }, yellow: { zh: '黄牌', en: 'yellow card' }, red: { zh: '红牌', en: 'red card' } } as const;
export const SYSTEM_NAME = '电子监察系统';

/** A finding about to be raised: its key (its identity), what raised it and what it says. */
export interface NewFinding {
  key: string;
  category: string;
  ruleCode: string;
  level: FindingLevel;
  deadlineKey: string | null;
  due: string | null;
  detail: string;
}

type FindingSubject = Pick<SubjectSnapshot, 'type' | 'id' | 'unitId' | 'label'>;

export interface FindingBatch {
  /** Gathers a finding to raise unless its key is on record when the batch flushes. */
  add(subject: FindingSubject, finding: NewFinding): void;
  /** Writes the gathered findings that are new, with their history and notices; returns how many. */
  flush(): Promise<number>;
  /**
   * Hands over the gathered findings as rows, each with its first history entry and its notices (gated by the
   * finding's id), for a caller that writes them itself in one statement (evaluationWriter), and starts
   * empty again. Nothing is written.
   */
  take(): Promise<FindingRows>;
}

/** Findings as rows to write, with their first entries and their notices, each notice gated by its finding's id. */
export interface FindingRows {
  findings: SupervisionFindingsTable[];
  entries: SupervisionFindingActionsTable[];
  messages: Array<Gated<MessageRow>>;
  outbox: Array<Gated<OutboxRow>>;
}

/**
 * A batch of findings raised at `now` in `tx`. `platform`: the database handle of the platform, whose responders
 * of each unit are then kept for a few seconds (respondersOf) — for the evaluation of events as they come.
 */
export function createFindingBatch(tx: DbExecutor, now: Date, platform?: object): FindingBatch {
  let pending = new Map<string, { subject: FindingSubject; finding: NewFinding }>();
  return {
    add(subject, finding) {
      if (!pending.has(finding.key)) pending.set(finding.key, { subject, finding });
    },
    async flush() {
      const gathered = [...pending.values()];
      pending = new Map();
      return gathered.length === 0 ? 0 : writeFindings(tx, gathered, now, platform);
    },
    async take() {
      const gathered = [...pending.values()];
      pending = new Map();
      const { findings, entries } = rowsOf(gathered, now);
      const taken: FindingRows = { findings, entries, messages: [], outbox: [] };
      for (let index = 0; index < findings.length; index += 1) {
        const notices = createNotificationBatch(tx);
        await addNotices(tx, notices, findings[index]!.id, gathered[index]!, now, platform);
        const { messages, outbox } = notices.take();
        const gate = findings[index]!.id;
        for (const message of messages) taken.messages.push({ ...message, gate });
        for (const row of outbox) taken.outbox.push({ ...row, gate });
      }
      return taken;
    },
  };
}

/** Raises one finding now (a batch of one); true when this call raised it. */
export async function raiseFinding(tx: DbExecutor, subject: FindingSubject, finding: NewFinding, now: Date): Promise<boolean> {
  const batch = createFindingBatch(tx, now);
  batch.add(subject, finding);
  return (await batch.flush()) > 0;
}

type Gathered = { subject: FindingSubject; finding: NewFinding };

/** The findings' rows and their first history entries, by index of what was gathered. */
function rowsOf(gathered: readonly Gathered[], now: Date): { findings: SupervisionFindingsTable[]; entries: SupervisionFindingActionsTable[] } {
  const stamp = toTimestamp(now);
  const raisedOn = todayInChina(now);
  const findings: SupervisionFindingsTable[] = gathered.map(({ subject, finding }) => ({
    id: newId(now.getTime()), finding_key: finding.key, category: finding.category, rule_code: finding.ruleCode, level: finding.level, subject_type: subject.type, subject_id: subject.id,
    subject_label: subject.label, unit_id: subject.unitId, deadline_key: finding.deadlineKey, due_on: finding.due, detail: finding.detail, raised_at: stamp, raised_on: raisedOn, resolved_at: null,
    status: finding.level === 'warning' ? 'notified' : 'open', updated_at: stamp,
  }));
  const entries: SupervisionFindingActionsTable[] = findings.map((row, index) => ({ id: newId(now.getTime()), finding_id: row.id, action: 'raised', actor_user_id: null, actor_name: SYSTEM_NAME, actor_unit_id: null, note: gathered[index]!.finding.detail, occurred_at: stamp }));
  return { findings, entries };
}

/** A raised finding's notices: a message and an SMS to each person of the unit who may answer it, and its event. */
async function addNotices(tx: DbExecutor, notices: NotificationBatch, findingId: string, { subject, finding }: Gathered, now: Date, platform: object | undefined): Promise<void> {
  const level = LEVEL_NAMES[finding.level].zh;
  const text = `电子监察${level}：${subject.label} ${finding.detail}`;
  for (const person of await respondersOf(tx, subject.unitId, platform)) {
    notices.message({ userId: person.id, title: `电子监察${level}`, body: text, link: `/supervision/findings/${findingId}` }, now);
    if (person.phone) notices.sms({ to: person.phone, text: `【政通】${text}`, unitId: subject.unitId, topic: `supervision.finding_${finding.level}` }, now);
  }
  notices.event('supervision.finding_raised', { findingId, level: finding.level, unitId: subject.unitId }, { unitId: subject.unitId }, now);
}

async function writeFindings(tx: DbExecutor, gathered: readonly Gathered[], now: Date, platform: object | undefined): Promise<number> {
  const { findings, entries } = rowsOf(gathered, now);
  const inserted = await insertFindingsWithFirstEntries(tx, findings, entries);
  if (inserted.size === 0) return 0;
  const notices = createNotificationBatch(tx);
  for (let index = 0; index < findings.length; index += 1) {
    if (inserted.has(findings[index]!.id)) await addNotices(tx, notices, findings[index]!.id, gathered[index]!, now, platform);
  }
  await notices.flush();
  return inserted.size;
}

/** Marks a finding resolved by the system (what raised it no longer stands), with the reason in its history. */
export async function resolveFinding(tx: DbExecutor, findingId: string, note: string, now: Date): Promise<void> {
  await markFindingResolved(tx, findingId, toTimestamp(now));
  await insertFindingAction(tx, resolutionEntry(findingId, note, now));
}

/** The history entry of a finding the system resolves. */
export function resolutionEntry(findingId: string, note: string, now: Date): SupervisionFindingActionsTable {
  return { id: newId(now.getTime()), finding_id: findingId, action: 'resolved', actor_user_id: null, actor_name: SYSTEM_NAME, actor_unit_id: null, note, occurred_at: toTimestamp(now) };
}

type Responders = Awaited<ReturnType<typeof findUnitStaffHolding>>;

// Findings raised in one transaction mostly concern the same few units: their responders are read once per
// transaction (the key is the transaction's executor, so nothing outlives it). Events are evaluated as they come,
// alone or a claim's few at a time, where reading each unit's responders is a good part of the statements: there
// the platform keeps each unit's responders for a few seconds, as it keeps the rules. A person given or denied
// the right to answer findings is counted 5 s later at the latest; the sweep reads afresh.
const respondersByTransaction = new WeakMap<DbExecutor, Map<string, Responders>>();
const recentResponders = createPlatformCache<Responders>(5000);

async function respondersOf(tx: DbExecutor, unitId: string, platform: object | undefined): Promise<Responders> {
  if (platform) return recentResponders.get(platform, unitId, () => findUnitStaffHolding(tx, unitId, RESPOND_PERMISSION));
  let byUnit = respondersByTransaction.get(tx);
  if (!byUnit) respondersByTransaction.set(tx, (byUnit = new Map()));
  let people = byUnit.get(unitId);
  if (!people) byUnit.set(unitId, (people = await findUnitStaffHolding(tx, unitId, RESPOND_PERMISSION)));
  return people;
}
