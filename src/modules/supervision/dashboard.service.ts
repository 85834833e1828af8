// The supervision room's big screen and the findings statistics. Both read only what the viewer's finding scope
// (findingScopeOf) covers: the big screen is for supervising offices (supervision.oversee) and shows the part of
// the organisation their office watches; the statistics are for every reader of findings, each in their scope.
//
// Ranking rule (排名规则), shown on the screen: each unit's findings raised in the last 30 days are weighted
// 预警 ×1, 黄牌 ×3, 红牌 ×5 and divided by the cases the unit handled in that window (running now, or ended
// in the window; at least 1). Fewest weighted findings per case first; ties go to fewer red cards, then more
// cases, then the unit's name. Units with neither cases nor findings in the window are not ranked.
import type { Actor } from '../../core/auth/actor.ts';
import { addCalendarDays, todayInChina } from '../../core/calendar/working-days.ts';
import { toTimestamp } from '../../core/db/values.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Language } from '../../core/errors/app-error.ts';
import { countCasesOfUnitsForSupervision } from '../services/index.ts';
import { countFindingsAwaitingHandling, countFindingsByDayAndLevel, countFindingsByUnitCategoryLevel, findNewestFindings, findUnitNameAndPath, findUnitNameByPath, type FindingPeriod } from './dashboard.repository.ts';
import { DASHBOARD_WINDOW_DAYS, NEWEST_FINDINGS, RANKING_WEIGHTS, RULE_CATEGORY_CODES, type Dashboard, type FindingStatistics, type FindingStatisticsQuery, type LevelCounts } from './dashboard.schema.ts';
import { findingScopeOf } from './findings.service.ts';
import { LEVEL_NAMES } from './finding-batch.ts';
import { describeFinding } from './supervision-evaluation.ts';
import { RULE_CATEGORIES, ruleDefinition } from './supervision-rules.ts';
import { isOverseer } from './supervision.policy.ts';
import type { FindingWithUnit } from './findings.repository.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import { FINDING_LEVELS, type FindingLevel } from './timeliness.ts';

const CATEGORY_NAMES_EN: Record<string, string> = {
  timeliness: 'Timeliness',
  legality: 'Procedural legality',
  completeness: 'Completeness',
  fees: 'Fees',
  discretion: 'Penalty discretion',
  offsystem: 'Off-system handling',
};

/** A rule category's name in the language, the code itself for a category nobody named. */
export function categoryName(category: string, language: Language): string {
  if (language === 'en') return CATEGORY_NAMES_EN[category] ?? category;
  return (RULE_CATEGORIES as Record<string, string>)[category] ?? category;
}

/** A level's name in the language (预警 / 黄牌 / 红牌). */
export function levelName(level: FindingLevel, language: Language): string {
  return LEVEL_NAMES[level][language === 'en' ? 'en' : 'zh'];
}

/** The UTC moment a China date begins (China has no daylight saving: always +08:00). */
function chinaDayStart(date: string): string {
  return toTimestamp(new Date(`${date}T00:00:00+08:00`));
}

function periodOf(from: string, to: string): FindingPeriod {
  return { fromStamp: chinaDayStart(from), untilStamp: chinaDayStart(addCalendarDays(to, 1)) };
}

const zeroCounts = (): LevelCounts => ({ warning: 0, yellow: 0, red: 0, total: 0 });

function isLevel(level: string): level is FindingLevel {
  return (FINDING_LEVELS as readonly string[]).includes(level);
}

function addCount(counts: LevelCounts, level: string, count: number): void {
  if (isLevel(level)) counts[level] += count;
  counts.total += count;
}

function requireOverseer(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (!isOverseer(actor)) throw new AppError('FORBIDDEN');
}

function presentFinding(row: FindingWithUnit, language: Language): Dashboard['newest'][number] {
  const level = (isLevel(row.level) ? row.level : 'warning') as FindingLevel;
  const rule = ruleDefinition(row.rule_code);
  return {
    id: row.id, level, levelName: levelName(level, language), category: row.category, categoryName: categoryName(row.category, language), ruleCode: row.rule_code,
    ruleName: (language === 'en' ? rule?.nameEn : rule?.name) ?? row.rule_code,
    description: row.detail ?? (row.due_on ? describeFinding({ ruleCode: row.rule_code, level, due: row.due_on }) : row.rule_code),
    unitId: row.unit_id, unitName: row.unit_name, subjectType: row.subject_type, subjectId: row.subject_id, subjectLabel: row.subject_label, raisedAt: row.raised_at, status: row.status,
  };
}

const countsOf = (entry: LevelCounts | undefined): LevelCounts => ({ warning: entry?.warning ?? 0, yellow: entry?.yellow ?? 0, red: entry?.red ?? 0, total: entry?.total ?? 0 });
const round2 = (value: number) => Math.round(value * 100) / 100;

/** The big screen of the supervision room, for a supervising office, over the part of the organisation it watches. */
export async function getSupervisionDashboard(deps: SupervisionDeps, actor: Actor, language: Language = 'zh'): Promise<Dashboard> {
  requireOverseer(actor);
  const scope = await findingScopeOf(deps.db, actor);
  const now = deps.now();
  const today = todayInChina(now);
  const from = addCalendarDays(today, -(DASHBOARD_WINDOW_DAYS - 1));
  const period = periodOf(from, today);
  const [byDay, byUnitRows, handling, newest, cases, scopeUnitName] = await Promise.all([
    countFindingsByDayAndLevel(deps.db, scope, period),
    countFindingsByUnitCategoryLevel(deps.db, scope, period),
    countFindingsAwaitingHandling(deps.db, scope),
    findNewestFindings(deps.db, scope, NEWEST_FINDINGS),
    countCasesOfUnitsForSupervision(deps.db, scope, from),
    scope.kind === 'unit_and_below' ? findUnitNameByPath(deps.db, scope.unitPath) : Promise.resolve(undefined),
  ]);

  const trend: Dashboard['trend'] = [];
  for (let day = from; day <= today; day = addCalendarDays(day, 1)) trend.push({ date: day, ...zeroCounts() });
  const trendByDay = new Map(trend.map((entry) => [entry.date, entry]));
  for (const row of byDay) {
    const entry = trendByDay.get(row.day);
    if (entry) addCount(entry, row.level, row.count);
  }
  const findingsInWindow = zeroCounts();
  for (const entry of trend) for (const level of FINDING_LEVELS) addCount(findingsInWindow, level, entry[level]);

  const units = new Map<string, { unitId: string; unitName: string; counts: LevelCounts; running: number; ended: number }>();
  const unit = (unitId: string, unitName: string) => {
    let found = units.get(unitId);
    if (!found) units.set(unitId, (found = { unitId, unitName, counts: zeroCounts(), running: 0, ended: 0 }));
    return found;
  };
  for (const row of byUnitRows) addCount(unit(row.unitId, row.unitName).counts, row.level, row.count);
  for (const row of cases) Object.assign(unit(row.unitId, row.unitName), { running: row.running, ended: row.endedSince });

  const byUnit = [...units.values()]
    .filter((entry) => entry.counts.total > 0)
    .map((entry) => ({ unitId: entry.unitId, unitName: entry.unitName, ...entry.counts }))
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh'));

  const ranked = [...units.values()]
    .map((entry) => {
      const caseCount = entry.running + entry.ended;
      const weighted = entry.counts.warning * RANKING_WEIGHTS.warning + entry.counts.yellow * RANKING_WEIGHTS.yellow + entry.counts.red * RANKING_WEIGHTS.red;
      return { unitId: entry.unitId, unitName: entry.unitName, cases: caseCount, ...entry.counts, weighted, perCase: round2(weighted / Math.max(caseCount, 1)) };
    })
    .sort((a, b) => a.perCase - b.perCase || a.red - b.red || b.cases - a.cases || a.unitName.localeCompare(b.unitName, 'zh'));
  const ranking = ranked.map((entry, index) => {
    // Standard competition ranking: units with the same score share a rank (1, 2, 2, 4).
    const first = ranked.findIndex((other) => other.perCase === entry.perCase);
    return { rank: (first === -1 ? index : first) + 1, ...entry };
  });

  const running = cases.filter((row) => row.running > 0);
  return {
    today,
    from,
    windowDays: DASHBOARD_WINDOW_DAYS,
    generatedAt: toTimestamp(now),
    scopeUnitName: scopeUnitName ?? null,
    casesInProgress: { total: running.reduce((sum, row) => sum + row.running, 0), byUnit: running.map((row) => ({ unitId: row.unitId, unitName: row.unitName, count: row.running })) },
    findingsToday: countsOf(trendByDay.get(today)),
    findingsInWindow,
    handling: { awaitingAnswer: handling.open, awaitingReview: handling.responded },
    trend,
    byUnit,
    ranking: { weights: { ...RANKING_WEIGHTS }, units: ranking },
    newest: newest.map((row) => presentFinding(row, language)),
  };
}

/** The resolved period of a statistics query: this month (to today) unless told otherwise. */
function resolvePeriod(query: FindingStatisticsQuery, now: Date): { from: string; to: string } {
  const today = todayInChina(now);
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'to', message: '开始日期不能晚于结束日期 / the start is after the end' }]);
  return { from, to };
}

/** Findings raised in a period counted by unit × category × level, in the actor's finding scope. */
export async function computeFindingStatistics(deps: SupervisionDeps, actor: Actor, query: FindingStatisticsQuery, language: Language = 'zh'): Promise<FindingStatistics> {
  const scope = await findingScopeOf(deps.db, actor);
  const { from, to } = resolvePeriod(query, deps.now());
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await findUnitNameAndPath(deps.db, query.unitId);
    if (!unit) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'unitId', message: '没有这个单位 / there is no such unit' }]);
    unitPath = unit.path;
  }
  const counted = await countFindingsByUnitCategoryLevel(deps.db, scope, { ...periodOf(from, to), unitPath, category: query.category, level: query.level });

  const categoryOrder = new Map<string, number>(RULE_CATEGORY_CODES.map((code, index) => [code, index]));
  const order = (category: string) => categoryOrder.get(category) ?? categoryOrder.size;
  const rows = new Map<string, FindingStatistics['rows'][number]>();
  const byUnit = new Map<string, FindingStatistics['byUnit'][number]>();
  const shownCategories = query.category ? [query.category] : RULE_CATEGORY_CODES;
  const byCategory = new Map<string, FindingStatistics['byCategory'][number]>(shownCategories.map((code) => [code, { category: code, categoryName: categoryName(code, language), ...zeroCounts() }]));
  const totals = zeroCounts();
  for (const row of counted) {
    const key = `${row.unitId}|${row.category}`;
    let entry = rows.get(key);
    if (!entry) rows.set(key, (entry = { unitId: row.unitId, unitName: row.unitName, category: row.category, categoryName: categoryName(row.category, language), ...zeroCounts() }));
    addCount(entry, row.level, row.count);
    let unitEntry = byUnit.get(row.unitId);
    if (!unitEntry) byUnit.set(row.unitId, (unitEntry = { unitId: row.unitId, unitName: row.unitName, ...zeroCounts() }));
    addCount(unitEntry, row.level, row.count);
    let categoryEntry = byCategory.get(row.category);
    if (!categoryEntry) byCategory.set(row.category, (categoryEntry = { category: row.category, categoryName: categoryName(row.category, language), ...zeroCounts() }));
    addCount(categoryEntry, row.level, row.count);
    addCount(totals, row.level, row.count);
  }
  const units = [...byUnit.values()].sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh'));
  const unitRank = new Map(units.map((entry, index) => [entry.unitId, index]));
  return {
    from,
    to,
    unitId: query.unitId ?? null,
    category: query.category ?? null,
    level: query.level ?? null,
    categories: RULE_CATEGORY_CODES.map((code) => ({ category: code, name: categoryName(code, language) })),
    rows: [...rows.values()].sort((a, b) => unitRank.get(a.unitId)! - unitRank.get(b.unitId)! || order(a.category) - order(b.category)),
    byUnit: units,
    byCategory: [...byCategory.values()].sort((a, b) => order(a.category) - order(b.category)),
    totals,
  };
}
