// Performance scores (绩效考核) per unit for a month, a quarter or a year, computed from what is stored:
//   on-time part      = cases ended on time / cases ended × 100 (100 when none ended);
//   satisfaction part = (average rating − 1) / 4 × 100 (100 when nobody rated);
//   discipline part   = 100 − the formula's deductions per warning, yellow and red card raised, complaint
//                       received and supervision task overdue in the period (not below 0);
//   total             = the weighted sum, two decimals. Ranked by total, ties sharing a rank.
// Every count is by the day something happened (raised, ended, rated, received, due), so recomputing a past
// period later gives the same scores: findings handled or resolved since still count where they were raised.
import type { Actor } from '../../core/auth/actor.ts';
import { isInScope, type DataScope } from '../../core/auth/data-scope.ts';
import { recordAudit } from '../../core/audit/audit.service.ts';
import { todayInChina } from '../../core/calendar/working-days.ts';
import { readSetting, writeSetting } from '../../core/settings/settings.repository.ts';
import { findServedCounty, listDepartmentsUnder } from '../identity/index.ts';
import { countEndedCasesByUnit, sumRatingsByUnit } from '../services/index.ts';
import { countComplaintsByUnit } from './complaints.repository.ts';
import { countFindingsByUnit } from './findings.repository.ts';
import { findingScopeOf } from './findings.service.ts';
import { DEFAULT_SCORE_FORMULA, SCORE_FORMULA_SETTING, scoreFormulaSchema, type ScoreFormula, type UnitScore } from './scores.schema.ts';
import { requireRulesManager } from './supervision.policy.ts';
import { countOverdueTasksByUnit } from './tasks.repository.ts';
import type { SupervisionDeps } from './supervision.deps.ts';
import type { DbExecutor } from '../../core/db/database.ts';

export interface Period {
  label: string;
  /** First and last China dates of the period. */
  from: string;
  to: string;
  /** The same as UTC instants, `toAt` exclusive. */
  fromAt: string;
  toAt: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The dates a period label covers. */
export function parsePeriod(label: string): Period {
  const [yearText, part] = label.split('-');
  const year = Number(yearText);
  let first = 1;
  let last = 12;
  if (part?.startsWith('Q')) {
    const quarter = Number(part.slice(1));
    first = quarter * 3 - 2;
    last = quarter * 3;
  } else if (part) first = last = Number(part);
  const from = `${year}-${pad(first)}-01`;
  const to = `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`;
  const nextDay = new Date(Date.UTC(year, last - 1, lastDayOfMonth(year, last) + 1)).toISOString().slice(0, 10);
  return { label, from, to, fromAt: new Date(`${from}T00:00:00+08:00`).toISOString(), toAt: new Date(`${nextDay}T00:00:00+08:00`).toISOString() };
}

/** The formula in force (the shipped default until the office sets one). */
export async function readScoreFormula(db: DbExecutor): Promise<ScoreFormula> {
  const stored = scoreFormulaSchema.safeParse(await readSetting(db, SCORE_FORMULA_SETTING));
  return stored.success ? stored.data : DEFAULT_SCORE_FORMULA;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores every department and hall of the county for a period with a formula, ranked among all of them, and
 * returns the rows of the units in `scope`; pure given the stored facts.
 */
export async function computeScores(db: DbExecutor, period: Period, formula: ScoreFormula, today: string, scope: DataScope): Promise<UnitScore[]> {
  const county = await findServedCounty(db);
  if (!county) return [];
  const units = await listDepartmentsUnder(db, county.path);
  const [cases, ratings, findings, complaints, tasks] = await Promise.all([
    countEndedCasesByUnit(db, period),
    sumRatingsByUnit(db, period),
    countFindingsByUnit(db, period),
    countComplaintsByUnit(db, period),
    countOverdueTasksByUnit(db, period, today),
  ]);
  const caseOf = new Map(cases.map((row) => [row.unitId, row]));
  const ratingOf = new Map(ratings.map((row) => [row.unitId, row]));
  const complaintsOf = new Map(complaints.map((row) => [row.unitId, row.count]));
  const tasksOf = new Map(tasks.map((row) => [row.unitId, row.count]));
  const findingsOf = (unitId: string, level: string) => findings.find((row) => row.unitId === unitId && row.level === level)?.count ?? 0;
  const rows = units.map((unit) => {
    const ended = caseOf.get(unit.id)?.ended ?? 0;
    const late = caseOf.get(unit.id)?.late ?? 0;
    const rated = ratingOf.get(unit.id)?.count ?? 0;
    const average = rated > 0 ? ratingOf.get(unit.id)!.scoreSum / rated : null;
    const warnings = findingsOf(unit.id, 'warning');
    const yellowCards = findingsOf(unit.id, 'yellow');
    const redCards = findingsOf(unit.id, 'red');
    const complaintCount = complaintsOf.get(unit.id) ?? 0;
    const overdueTasks = tasksOf.get(unit.id) ?? 0;
    const { deductions, weights } = formula;
    const onTimeScore = ended > 0 ? round2(((ended - late) / ended) * 100) : 100;
    const satisfactionScore = average !== null ? round2(((average - 1) / 4) * 100) : 100;
    const lost = warnings * deductions.warning + yellowCards * deductions.yellow + redCards * deductions.red + complaintCount * deductions.complaint + overdueTasks * deductions.overdueTask;
    const disciplineScore = round2(Math.max(0, 100 - lost));
    const total = round2(weights.onTime * onTimeScore + weights.satisfaction * satisfactionScore + weights.discipline * disciplineScore);
    return {
      rank: 0, unitId: unit.id, unitName: unit.name, casesEnded: ended, casesLate: late, onTimeRate: ended > 0 ? round2(((ended - late) / ended) * 100) : null, ratings: rated,
      averageRating: average === null ? null : round2(average), warnings, yellowCards, redCards, complaints: complaintCount, overdueTasks, onTimeScore, satisfactionScore, disciplineScore, total,
    };
  });
  rows.sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  rows.forEach((row, index) => (row.rank = index > 0 && rows[index - 1]!.total === row.total ? rows[index - 1]!.rank : index + 1));
  const pathOf = new Map(units.map((unit) => [unit.id, unit.path]));
  return rows.filter((row) => isInScope(scope, { unitId: row.unitId, unitPath: pathOf.get(row.unitId) ?? '' }));
}

/** The ranking for a period as the actor may see it: overseers their scope, a unit its own row. */
export async function listScores(deps: SupervisionDeps, actor: Actor, label: string) {
  const scope = await findingScopeOf(deps.db, actor);
  const period = parsePeriod(label);
  const formula = await readScoreFormula(deps.db);
  const items = await computeScores(deps.db, period, formula, todayInChina(deps.now()), scope);
  return { period: period.label, from: period.from, to: period.to, formula, items };
}

/** Sets the formula (audited); the shipped default until then. */
export async function saveScoreFormula(deps: SupervisionDeps, actor: Actor, formula: ScoreFormula): Promise<ScoreFormula> {
  requireRulesManager(actor);
  const now = deps.now();
  await deps.db.transaction().execute(async (tx) => {
    const before = await readScoreFormula(tx);
    await writeSetting(tx, SCORE_FORMULA_SETTING, formula, actor.userId);
    await recordAudit(tx, actor, { action: 'supervision.score_formula.change', subjectType: 'setting', subjectId: SCORE_FORMULA_SETTING, before, after: formula }, now);
  });
  return formula;
}

/** FORBIDDEN unless the actor may read findings at all (the formula is no secret to those scored). */
export async function getScoreFormula(deps: SupervisionDeps, actor: Actor): Promise<ScoreFormula> {
  await findingScopeOf(deps.db, actor);
  return readScoreFormula(deps.db);
}
