// The statistics page's charts built from GET /api/cases/statistics: for each chart its ECharts option, a
// one-sentence summary for the chart's accessible label, and the same numbers as a data table.
import dayjs from 'dayjs';
import type { DataTableProps } from '../components/charts/ChartCard.tsx';
import type { ChartOption } from '../components/charts/EChart.tsx';
import type { Lang, MessageKey, Vars } from '../i18n.ts';
import { RATING_COLOURS, isRatingLevel, ratingKey, type Statistics } from './hallTools.ts';
import { CASE_STATUSES } from './vocab.ts';

type Translate = (key: MessageKey, vars?: Vars) => string;

export interface ChartSpec {
  title: string;
  summary: string;
  option: ChartOption;
  empty: boolean;
  table: Omit<DataTableProps, 'caption'>;
}

const STATUS_COLOURS: Record<string, string> = {
  submitted: '#1d4ed8',
  supplementing: '#b45309',
  in_progress: '#0369a1',
  suspended: '#6b7280',
  concluded: '#15803d',
  refused: '#b91c1c',
  withdrawn: '#7c3aed',
};

const AXIS = { axisLine: { lineStyle: { color: '#9ca3af' } }, axisLabel: { color: '#374151' } };
const VALUE_AXIS = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#374151' }, splitLine: { lineStyle: { color: '#e5e7eb' } } };
const hideZero = (params: { value?: unknown }) => (Number(params.value) ? String(params.value) : '');

/** "85.5%" or "—". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${value}%`;
}

/** Every month (YYYY-MM) from the month of `from` to the month of `to`, at most five years. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let month = dayjs(from).startOf('month');
  const last = dayjs(to).startOf('month');
  while (!month.isAfter(last) && months.length < 60) {
    months.push(month.format('YYYY-MM'));
    month = month.add(1, 'month');
  }
  return months;
}

function summarise(entries: Array<[string, number]>, t: Translate, lang: Lang, unit: MessageKey): string {
  const nonZero = entries.filter(([, count]) => count > 0);
  if (nonZero.length === 0) return t('svc.stats.noData');
  const shown = nonZero.slice(0, 6).map(([name, count]) => t('svc.stats.summaryEntry', { name, count: t(unit, { n: count }) }));
  return shown.join(lang === 'zh' ? '，' : '; ') + (nonZero.length > 6 ? t('svc.stats.summaryMore') : '');
}

const share = (count: number, total: number) => (total === 0 ? '—' : `${Math.round((count / total) * 1000) / 10}%`);

export function monthChart(stats: Statistics, t: Translate, lang: Lang): ChartSpec {
  const months = monthsBetween(stats.from, stats.to);
  const counts = new Map(stats.byMonth.map((row) => [row.month, row.count]));
  const values = months.map((month) => counts.get(month) ?? 0);
  const sameYear = months.length > 0 && months[0]?.slice(0, 4) === months.at(-1)?.slice(0, 4);
  const axisLabel = (month: string) => dayjs(`${month}-01`).format(lang === 'zh' ? (sameYear ? 'M月' : 'YY年M月') : sameYear ? 'MMM' : 'MMM YY');
  const longLabel = (month: string) => dayjs(`${month}-01`).format(lang === 'zh' ? 'YYYY年M月' : 'MMMM YYYY');
  const total = values.reduce((sum, value) => sum + value, 0);
  const title = t('svc.stats.byMonth');
  return {
    title,
    summary: summarise(months.map((month, index) => [longLabel(month), values[index] ?? 0]), t, lang, 'svc.stats.countUnit'),
    empty: total === 0,
    option: {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 28, bottom: 28 },
      xAxis: { type: 'category', data: months.map(axisLabel), axisTick: { alignWithLabel: true }, ...AXIS },
      yAxis: VALUE_AXIS,
      series: [
        {
          type: 'bar',
          name: t('svc.stats.submitted'),
          data: values,
          barMaxWidth: 32,
          itemStyle: { color: '#1d4ed8', borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top', color: '#1f2937', formatter: hideZero },
        },
      ],
    },
    table: {
      columns: [{ title: t('svc.stats.month') }, { title: t('svc.stats.submitted'), numeric: true }],
      rows: months.map((month, index) => ({ key: month, cells: [longLabel(month), values[index] ?? 0] })),
      foot: [t('svc.stats.total'), total],
    },
  };
}

export function statusChart(stats: Statistics, t: Translate, lang: Lang): ChartSpec {
  const name = (status: string, fallback: string) => ((CASE_STATUSES as string[]).includes(status) ? t(`svc.caseStatus.${status}` as MessageKey) : fallback);
  const rows = [...stats.byStatus].sort((a, b) => b.count - a.count).map((row) => ({ status: row.status, name: name(row.status, row.name), count: row.count }));
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const legend = new Map(rows.map((row) => [row.name, row.count]));
  const title = t('svc.stats.byStatus');
  return {
    title,
    summary: summarise(rows.map((row) => [row.name, row.count]), t, lang, 'svc.stats.countUnit'),
    empty: total === 0,
    option: {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { orient: 'vertical', right: 8, top: 'middle', icon: 'circle', itemGap: 12, textStyle: { color: '#1f2937' }, formatter: (label: string) => `${label}  ${legend.get(label) ?? 0}` },
      series: [
        {
          type: 'pie',
          radius: ['46%', '72%'],
          center: ['34%', '50%'],
          avoidLabelOverlap: true,
          label: { show: true, position: 'center', formatter: () => `${total}`, fontSize: 26, fontWeight: 'bold', color: '#111827' },
          labelLine: { show: false },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          emphasis: { scale: false },
          data: rows.map((row) => ({ name: row.name, value: row.count, itemStyle: { color: STATUS_COLOURS[row.status] ?? '#4b5563' } })),
        },
      ],
    },
    table: {
      columns: [{ title: t('svc.stats.status') }, { title: t('svc.stats.count'), numeric: true }, { title: t('svc.stats.share'), numeric: true }],
      rows: rows.map((row) => ({ key: row.status, cells: [row.name, row.count, share(row.count, total)] })),
      foot: [t('svc.stats.total'), total, total ? '100%' : '—'],
    },
  };
}

export function unitChart(stats: Statistics, t: Translate, lang: Lang): ChartSpec {
  const units = stats.byUnit;
  const title = t('svc.stats.byUnit');
  return {
    title,
    summary: summarise(
      units.map((unit) => [unit.unitName, unit.submitted]),
      t,
      lang,
      'svc.stats.countUnit',
    ),
    empty: units.length === 0,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { color: '#1f2937' } },
      grid: { left: 40, right: 48, top: 48, bottom: 8 },
      xAxis: { type: 'category', data: units.map((unit) => unit.unitName), axisLabel: { interval: 0, width: 84, overflow: 'break', color: '#374151', lineHeight: 16 }, axisLine: AXIS.axisLine },
      yAxis: [
        { ...VALUE_AXIS, name: t('svc.stats.count'), nameTextStyle: { color: '#374151' } },
        { type: 'value', min: 0, max: 100, interval: 25, name: t('svc.stats.onTimeRatePercent'), nameTextStyle: { color: '#374151', align: 'right' }, axisLabel: { formatter: '{value}%', color: '#374151' }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('svc.stats.submitted'), data: units.map((unit) => unit.submitted), barMaxWidth: 24, itemStyle: { color: '#1d4ed8', borderRadius: [3, 3, 0, 0] } },
        { type: 'bar', name: t('svc.stats.concluded'), data: units.map((unit) => unit.concluded), barMaxWidth: 24, itemStyle: { color: '#0f766e', borderRadius: [3, 3, 0, 0] } },
        {
          type: 'line',
          name: t('svc.stats.onTimeRate'),
          yAxisIndex: 1,
          data: units.map((unit) => unit.onTimeRate ?? '-'),
          symbol: 'circle',
          symbolSize: 8,
          connectNulls: false,
          label: { show: true, position: 'top', color: '#92400e', formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? `${params.value}%` : '') },
          lineStyle: { color: '#b45309', width: 2 },
          itemStyle: { color: '#b45309' },
          tooltip: { valueFormatter: (value) => (typeof value === 'number' ? `${value}%` : '—') },
        },
      ],
    },
    table: {
      columns: [
        { title: t('svc.stats.unitName') },
        { title: t('svc.stats.submitted'), numeric: true },
        { title: t('svc.stats.concluded'), numeric: true },
        { title: t('svc.stats.late'), numeric: true },
        { title: t('svc.stats.onTimeRate'), numeric: true },
        { title: t('svc.stats.unitAverageDays'), numeric: true },
      ],
      rows: units.map((unit) => ({ key: unit.unitId, cells: [unit.unitName, unit.submitted, unit.concluded, unit.late, percent(unit.onTimeRate), unit.averageWorkingDays ?? '—'] })),
      foot: [t('svc.stats.total'), stats.submitted, stats.concluded, units.reduce((sum, unit) => sum + unit.late, 0), percent(stats.onTimeRate), stats.averageWorkingDays ?? '—'],
    },
  };
}

export function itemChart(stats: Statistics, t: Translate, lang: Lang): ChartSpec {
  const items = stats.byItem.slice(0, 10);
  const title = t('svc.stats.byItem');
  return {
    title,
    summary: summarise(items.map((item) => [item.itemName, item.count]), t, lang, 'svc.stats.countUnit'),
    empty: items.length === 0,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 36, top: 8, bottom: 8 },
      xAxis: { ...VALUE_AXIS },
      yAxis: { type: 'category', inverse: true, data: items.map((item) => item.itemName), axisLabel: { width: 180, overflow: 'truncate', color: '#1f2937' }, axisTick: { show: false }, axisLine: AXIS.axisLine },
      series: [{ type: 'bar', name: t('svc.stats.count'), data: items.map((item) => item.count), barMaxWidth: 18, itemStyle: { color: '#0369a1', borderRadius: [0, 3, 3, 0] }, label: { show: true, position: 'right', color: '#1f2937' } }],
    },
    table: {
      columns: [{ title: t('svc.stats.item') }, { title: t('svc.stats.count'), numeric: true }],
      rows: items.map((item) => ({ key: item.itemId, cells: [item.itemName, item.count] })),
    },
  };
}

export function satisfactionChart(stats: Statistics, t: Translate, lang: Lang): ChartSpec {
  const levels = stats.satisfaction.byLevel.map((row) => {
    const key = ratingKey(row.level);
    return { level: row.level, name: key ? t(key) : row.name, count: row.count };
  });
  const total = stats.satisfaction.count;
  const title = t('svc.stats.bySatisfaction');
  return {
    title,
    summary: summarise(levels.map((row) => [row.name, row.count]), t, lang, 'svc.stats.ratingUnit'),
    empty: total === 0,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 40, right: 16, top: 28, bottom: 28 },
      xAxis: { type: 'category', data: levels.map((row) => row.name), axisTick: { show: false }, axisLine: AXIS.axisLine, axisLabel: { interval: 0, color: '#374151', width: 64, overflow: 'break', lineHeight: 15 } },
      yAxis: VALUE_AXIS,
      series: [
        {
          type: 'bar',
          name: t('svc.stats.ratings'),
          barMaxWidth: 40,
          data: levels.map((row) => ({ value: row.count, itemStyle: { color: isRatingLevel(row.level) ? RATING_COLOURS[row.level] : '#4b5563', borderRadius: [4, 4, 0, 0] } })),
          label: { show: true, position: 'top', color: '#1f2937', formatter: hideZero },
        },
      ],
    },
    table: {
      columns: [{ title: t('svc.stats.level') }, { title: t('svc.stats.ratings'), numeric: true }, { title: t('svc.stats.share'), numeric: true }],
      rows: levels.map((row) => ({ key: row.level, cells: [row.name, row.count, share(row.count, total)] })),
      foot: [t('svc.stats.total'), total, total ? '100%' : '—'],
    },
  };
}
