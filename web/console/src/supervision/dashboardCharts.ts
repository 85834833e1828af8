// The big screen's and the statistics page's charts: for each its ECharts option (dark for the big screen,
// light for the statistics page), a one-sentence summary for the chart's accessible label, and the same numbers
// as a data table.
import dayjs from 'dayjs';
import type { ChartSpec } from '../services/statisticsCharts.ts';
import type { Lang, MessageKey, Vars } from '../i18n.ts';
import { LEVEL_COLOURS, levelKey } from './tags.tsx';
import { FINDING_LEVELS, type Dashboard, type FindingStatistics, type LevelCounts } from './types.ts';

type Translate = (key: MessageKey, vars?: Vars) => string;

export type ChartTheme = 'dark' | 'light';

const PALETTE = {
  dark: { text: '#dbe4f5', muted: '#a9bbdb', line: '#2b4a7e', split: '#1d3563', cases: '#38bdf8' },
  light: { text: '#1f2937', muted: '#374151', line: '#9ca3af', split: '#e5e7eb', cases: '#1d4ed8' },
} as const;

function axes(theme: ChartTheme) {
  const colours = PALETTE[theme];
  return {
    category: { axisLine: { lineStyle: { color: colours.line } }, axisTick: { show: false }, axisLabel: { color: colours.muted } },
    value: { type: 'value' as const, minInterval: 1, axisLabel: { color: colours.muted }, splitLine: { lineStyle: { color: colours.split } } },
    legend: { top: 0, textStyle: { color: colours.text }, itemGap: 16 },
  };
}

function levelSeriesName(t: Translate, level: (typeof FINDING_LEVELS)[number]): string {
  return t(levelKey(level));
}

function joinSummary(parts: string[], lang: Lang): string {
  return parts.join(lang === 'zh' ? '，' : '; ');
}

/** Findings per day of the window, one line per level. */
export function trendChart(board: Dashboard, t: Translate, lang: Lang, theme: ChartTheme = 'dark'): ChartSpec {
  const a = axes(theme);
  const label = (date: string) => dayjs(date).format(lang === 'zh' ? 'M/D' : 'MMM D');
  const totals = board.findingsInWindow;
  const today = board.findingsToday;
  return {
    title: t('sup.dash.trend', { n: board.windowDays }),
    summary: t('sup.dash.trendSummary', { n: board.windowDays, warning: totals.warning, yellow: totals.yellow, red: totals.red, tw: today.warning, ty: today.yellow, tr: today.red }),
    empty: false,
    option: {
      tooltip: { trigger: 'axis' },
      legend: a.legend,
      grid: { left: 36, right: 16, top: 36, bottom: 24 },
      xAxis: { type: 'category', boundaryGap: false, data: board.trend.map((day) => label(day.date)), ...a.category },
      yAxis: a.value,
      series: FINDING_LEVELS.map((level) => ({
        type: 'line' as const,
        name: levelSeriesName(t, level),
        data: board.trend.map((day) => day[level]),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { width: 2, color: LEVEL_COLOURS[level].chart },
        itemStyle: { color: LEVEL_COLOURS[level].chart },
        areaStyle: { color: LEVEL_COLOURS[level].chart, opacity: theme === 'dark' ? 0.12 : 0.08 },
      })),
    },
    table: {
      columns: [{ title: t('sup.dash.date') }, ...FINDING_LEVELS.map((level) => ({ title: levelSeriesName(t, level), numeric: true })), { title: t('sup.dash.total'), numeric: true }],
      rows: board.trend.map((day) => ({ key: day.date, cells: [day.date, day.warning, day.yellow, day.red, day.total] })),
      foot: [t('sup.dash.total'), totals.warning, totals.yellow, totals.red, totals.total],
    },
  };
}

/** Cases running now per unit (the ten busiest in the chart; all in the table). */
export function casesChart(board: Dashboard, t: Translate, lang: Lang, theme: ChartTheme = 'dark'): ChartSpec {
  const a = axes(theme);
  const units = board.casesInProgress.byUnit;
  const top = units.slice(0, 10);
  return {
    title: t('sup.dash.casesByUnit'),
    summary:
      units.length === 0
        ? t('sup.dash.noCases')
        : joinSummary(
            top.slice(0, 6).map((unit) => t('sup.dash.summaryEntry', { name: unit.unitName, n: unit.count })),
            lang,
          ),
    empty: units.length === 0,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { ...a.value },
      yAxis: { type: 'category', inverse: true, data: top.map((unit) => unit.unitName), ...a.category, axisLabel: { color: PALETTE[theme].text, width: 150, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: t('sup.dash.casesInProgress'),
          data: top.map((unit) => unit.count),
          barMaxWidth: 16,
          itemStyle: { color: PALETTE[theme].cases, borderRadius: [0, 3, 3, 0] },
          label: { show: true, position: 'right', color: PALETTE[theme].text },
        },
      ],
    },
    table: {
      columns: [{ title: t('sup.dash.unit') }, { title: t('sup.dash.casesInProgress'), numeric: true }],
      rows: units.map((unit) => ({ key: unit.unitId, cells: [unit.unitName, unit.count] })),
      foot: [t('sup.dash.total'), board.casesInProgress.total],
    },
  };
}

/** Findings per unit, stacked by level. */
export function unitFindingsChart(
  units: Array<LevelCounts & { unitId: string; unitName: string }>,
  title: string,
  t: Translate,
  lang: Lang,
  theme: ChartTheme = 'dark',
  limit = 10,
): ChartSpec {
  const a = axes(theme);
  const top = units.slice(0, limit);
  const totals = units.reduce((sum, unit) => ({ warning: sum.warning + unit.warning, yellow: sum.yellow + unit.yellow, red: sum.red + unit.red, total: sum.total + unit.total }), { warning: 0, yellow: 0, red: 0, total: 0 });
  return {
    title,
    summary:
      units.length === 0
        ? t('sup.dash.noFindings')
        : joinSummary(
            top.slice(0, 6).map((unit) => t('sup.dash.unitSummary', { name: unit.unitName, warning: unit.warning, yellow: unit.yellow, red: unit.red })),
            lang,
          ),
    empty: units.length === 0,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: a.legend,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { ...a.value },
      yAxis: { type: 'category', inverse: true, data: top.map((unit) => unit.unitName), ...a.category, axisLabel: { color: PALETTE[theme].text, width: 150, overflow: 'truncate' } },
      series: FINDING_LEVELS.map((level) => ({
        type: 'bar' as const,
        name: levelSeriesName(t, level),
        stack: 'findings',
        data: top.map((unit) => unit[level]),
        barMaxWidth: 16,
        itemStyle: { color: LEVEL_COLOURS[level].chart },
        label: { show: true, color: level === 'red' ? '#ffffff' : '#1f2937', formatter: (params: { value?: unknown }) => (Number(params.value) ? String(params.value) : '') },
      })),
    },
    table: {
      columns: [{ title: t('sup.dash.unit') }, ...FINDING_LEVELS.map((level) => ({ title: levelSeriesName(t, level), numeric: true })), { title: t('sup.dash.total'), numeric: true }],
      rows: units.map((unit) => ({ key: unit.unitId, cells: [unit.unitName, unit.warning, unit.yellow, unit.red, unit.total] })),
      foot: [t('sup.dash.total'), totals.warning, totals.yellow, totals.red, totals.total],
    },
  };
}

/** Findings per category of the statistics, stacked by level. */
export function categoryChart(statistics: FindingStatistics, t: Translate, lang: Lang, categoryName: (category: string, fallback: string) => string): ChartSpec {
  const a = axes('light');
  const rows = statistics.byCategory;
  const names = rows.map((row) => categoryName(row.category, row.categoryName));
  return {
    title: t('sup.stats.byCategoryChart'),
    summary:
      statistics.totals.total === 0
        ? t('sup.dash.noFindings')
        : joinSummary(
            rows
              .map((row, index) => ({ name: names[index] ?? row.category, total: row.total }))
              .filter((entry) => entry.total > 0)
              .map((entry) => t('sup.dash.summaryEntry', { name: entry.name, n: entry.total })),
            lang,
          ),
    empty: statistics.totals.total === 0,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: a.legend,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { ...a.value },
      yAxis: { type: 'category', inverse: true, data: names, ...a.category, axisLabel: { color: PALETTE.light.text, width: 140, overflow: 'truncate' } },
      series: FINDING_LEVELS.map((level) => ({
        type: 'bar' as const,
        name: levelSeriesName(t, level),
        stack: 'findings',
        data: rows.map((row) => row[level]),
        barMaxWidth: 18,
        itemStyle: { color: LEVEL_COLOURS[level].chart },
        label: { show: true, color: level === 'red' ? '#ffffff' : '#1f2937', formatter: (params: { value?: unknown }) => (Number(params.value) ? String(params.value) : '') },
      })),
    },
    table: {
      columns: [{ title: t('sup.stats.category') }, ...FINDING_LEVELS.map((level) => ({ title: levelSeriesName(t, level), numeric: true })), { title: t('sup.dash.total'), numeric: true }],
      rows: rows.map((row, index) => ({ key: row.category, cells: [names[index], row.warning, row.yellow, row.red, row.total] })),
      foot: [t('sup.dash.total'), statistics.totals.warning, statistics.totals.yellow, statistics.totals.red, statistics.totals.total],
    },
  };
}
