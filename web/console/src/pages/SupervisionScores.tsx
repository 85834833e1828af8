// 绩效考核: GET /api/supervision/scores?period=2026-11|2026-Q4|2026 — every department and hall ranked by its
// total of three weighted parts (on time, satisfaction, discipline), with the counts behind each part, a bar
// chart of the totals and an Excel export (…/scores/export.xlsx). Rule managers edit the formula
// (ScoreFormulaModal); everyone else reads it under the table.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Segmented, Space, Spin, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, downloadXlsx } from '../api.ts';
import { chinaToday, errorText, formatDate } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n, type Lang, type MessageKey, type Vars } from '../i18n.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import ChartCard from '../components/charts/ChartCard.tsx';
import type { ChartSpec } from '../services/statisticsCharts.ts';
import ScoreFormulaModal from '../supervision/ScoreFormulaModal.tsx';
import type { FindingStatistics, ScoreFormula, Scores, UnitScore } from '../supervision/types.ts';
import '../supervision/supervision.css';

type Granularity = 'month' | 'quarter' | 'year';
type Translate = (key: MessageKey, vars?: Vars) => string;

/** The API's period for a day: 2026-11, 2026-Q4 or 2026. */
function periodOf(day: Dayjs, granularity: Granularity): string {
  if (granularity === 'month') return day.format('YYYY-MM');
  if (granularity === 'quarter') return `${day.year()}-Q${Math.floor(day.month() / 3) + 1}`;
  return String(day.year());
}

const score = (value: number) => value.toFixed(1);
/** The on-time rate arrives in percent (0–100). */
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 10) / 10}%`);

function totalsChart(scores: Scores, t: Translate, lang: Lang): ChartSpec {
  const top = scores.items;
  return {
    title: t('sup.scores.chart'),
    summary: top.length === 0 ? t('sup.scores.empty') : top.slice(0, 6).map((row) => t('sup.scores.chartEntry', { rank: row.rank, name: row.unitName, total: score(row.total) })).join(lang === 'zh' ? '，' : '; '),
    empty: top.length === 0,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#374151' }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
      yAxis: { type: 'category', inverse: true, data: top.map((row) => row.unitName), axisTick: { show: false }, axisLine: { lineStyle: { color: '#9ca3af' } }, axisLabel: { color: '#1f2937', width: 160, overflow: 'truncate' } },
      series: [
        {
          type: 'bar' as const,
          name: t('sup.scores.total'),
          data: top.map((row) => ({ value: Math.round(row.total * 10) / 10, itemStyle: { color: row.total >= 90 ? '#15803d' : row.total >= 75 ? '#1d4ed8' : row.total >= 60 ? '#d97706' : '#b91c1c' } })),
          barMaxWidth: 18,
          label: { show: true, position: 'right', color: '#1f2937' },
        },
      ],
    },
    table: {
      columns: [{ title: t('sup.dash.unit') }, { title: t('sup.scores.rank'), numeric: true }, { title: t('sup.scores.total'), numeric: true }],
      rows: top.map((row) => ({ key: row.unitId, cells: [row.unitName, row.rank, score(row.total)] })),
    },
  };
}

export default function SupervisionScoresPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const manages = useCan('supervision.rules.manage');
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [picked, setDay] = useState<Dayjs | null>(null);
  // The server's today (its clock decides the current period): the statistics' default period ends on it.
  const serverToday = useLoad(() => api.get<FindingStatistics>('/api/supervision/statistics').then((stats) => dayjs(stats.to), () => chinaToday()), []);
  const day = picked ?? serverToday.data ?? null;
  const [editing, setEditing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const period = day ? periodOf(day, granularity) : null;
  const loaded = useLoad(() => (period ? api.get<Scores>('/api/supervision/scores', { period }) : Promise.resolve(null)), [period]);
  const scores = loaded.data;
  const tableWrap = useScrollRegion(t('sup.scores.ranking', { period: loaded.data?.period ?? '' }));
  const chart = useMemo(() => (scores ? totalsChart(scores, t, lang) : null), [scores, t, lang]);

  const exportWorkbook = async () => {
    setExporting(true);
    try {
      if (period) await downloadXlsx('/api/supervision/scores/export.xlsx', { period }, `${t('nav.supScores')}-${period}.xlsx`);
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<UnitScore> = [
    { title: t('sup.scores.rank'), dataIndex: 'rank', width: 70, align: 'center', fixed: 'left', render: (rank: number) => <span className={`zt-score-rank${rank <= 3 ? ' zt-score-rank-top' : ''}`}>{rank}</span> },
    { title: t('sup.dash.unit'), dataIndex: 'unitName', width: 200, fixed: 'left' },
    {
      title: t('sup.scores.total'),
      dataIndex: 'total',
      width: 90,
      align: 'right',
      render: (value: number) => (
        <strong className="zt-score-total" data-total={value}>
          {score(value)}
        </strong>
      ),
    },
    {
      title: t('sup.scores.part.onTime'),
      children: [
        { title: t('sup.scores.score'), dataIndex: 'onTimeScore', width: 80, align: 'right', render: score },
        { title: t('sup.scores.casesEnded'), dataIndex: 'casesEnded', width: 80, align: 'right' },
        { title: t('sup.scores.casesLate'), dataIndex: 'casesLate', width: 80, align: 'right' },
        { title: t('sup.scores.onTimeRate'), dataIndex: 'onTimeRate', width: 90, align: 'right', render: percent },
      ],
    },
    {
      title: t('sup.scores.part.satisfaction'),
      children: [
        { title: t('sup.scores.score'), dataIndex: 'satisfactionScore', width: 80, align: 'right', render: score },
        { title: t('sup.scores.ratings'), dataIndex: 'ratings', width: 80, align: 'right' },
        { title: t('sup.scores.averageRating'), dataIndex: 'averageRating', width: 90, align: 'right', render: (value: number | null) => (value === null ? '—' : value.toFixed(2)) },
      ],
    },
    {
      title: t('sup.scores.part.discipline'),
      children: [
        { title: t('sup.scores.score'), dataIndex: 'disciplineScore', width: 80, align: 'right', render: score },
        { title: t('sup.level.warning'), dataIndex: 'warnings', width: 70, align: 'right' },
        { title: t('sup.level.yellow'), dataIndex: 'yellowCards', width: 70, align: 'right' },
        { title: t('sup.level.red'), dataIndex: 'redCards', width: 70, align: 'right' },
        { title: t('sup.scores.complaints'), dataIndex: 'complaints', width: 70, align: 'right' },
        { title: t('sup.scores.overdueTasks'), dataIndex: 'overdueTasks', width: 90, align: 'right' },
      ],
    },
  ];

  const formula = scores?.formula;
  const picker = !day ? null :
    granularity === 'month' ? (
      <DatePicker picker="month" value={day} allowClear={false} onChange={(value) => value && setDay(value)} aria-label={t('sup.scores.pickMonth')} />
    ) : granularity === 'quarter' ? (
      <DatePicker picker="quarter" value={day} allowClear={false} onChange={(value) => value && setDay(value)} aria-label={t('sup.scores.pickQuarter')} />
    ) : (
      <DatePicker picker="year" value={day} allowClear={false} onChange={(value) => value && setDay(value)} aria-label={t('sup.scores.pickYear')} />
    );

  return (
    <>
      <PageHeader
        title={t('nav.supScores')}
        description={t('sup.scores.description')}
        extra={
          <Space wrap>
            {manages ? (
              <Button icon={<EditOutlined aria-hidden="true" />} disabled={!formula} onClick={() => setEditing(true)}>
                {t('sup.scores.editFormula')}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined aria-hidden="true" />} loading={exporting} onClick={() => void exportWorkbook()}>
              {t('common.exportExcel')}
            </Button>
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={loaded.reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <div className="zt-score-period" role="group" aria-label={t('sup.scores.period')}>
          <span className="zt-score-period-label">{t('sup.scores.period')}</span>
          <Segmented<Granularity>
            value={granularity}
            onChange={setGranularity}
            aria-label={t('sup.scores.granularity')}
            options={[
              { value: 'month', label: t('sup.scores.month') },
              { value: 'quarter', label: t('sup.scores.quarter') },
              { value: 'year', label: t('sup.scores.year') },
            ]}
          />
          {picker}
          {scores ? <span className="zt-hint" style={{ margin: 0 }}>{t('sup.scores.range', { from: formatDate(scores.from), to: formatDate(scores.to) })}</span> : null}
        </div>
      </Card>
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} /> : null}
      {scores && chart ? (
        <Spin spinning={loaded.loading}>
          <Card title={<h2 className="zt-card-title">{t('sup.scores.ranking', { period: scores.period })}</h2>} style={{ marginBottom: 16 }}>
            <div ref={tableWrap}>
            <Table<UnitScore>
              rowKey="unitId"
              size="middle"
              bordered
              columns={columns}
              dataSource={scores.items}
              pagination={false}
              scroll={scores.items.length > 0 ? { x: 1500 } : undefined}
              onRow={(row) => ({ 'data-unit': row.unitName } as React.HTMLAttributes<HTMLElement>)}
              locale={{ emptyText: <span className="zt-empty-text">{t('sup.scores.empty')}</span> }}
            />
            </div>
            {formula ? (
              <p className="zt-hint" style={{ marginTop: 12, marginBottom: 0 }}>
                <Tooltip title={t('sup.scores.formulaExplain')}>
                  <span tabIndex={0}>
                    {t('sup.scores.formulaLine', {
                      onTime: formula.weights.onTime,
                      satisfaction: formula.weights.satisfaction,
                      discipline: formula.weights.discipline,
                      warning: formula.deductions.warning,
                      yellow: formula.deductions.yellow,
                      red: formula.deductions.red,
                      complaint: formula.deductions.complaint,
                      overdueTask: formula.deductions.overdueTask,
                    })}
                  </span>
                </Tooltip>
              </p>
            ) : null}
          </Card>
          <ChartCard {...chart} height={Math.max(240, scores.items.length * 30 + 40)} />
        </Spin>
      ) : loaded.loading || serverToday.loading ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : null}
      <ScoreFormulaModal
        open={editing}
        formula={formula ?? null}
        onClose={() => setEditing(false)}
        onSaved={(_saved: ScoreFormula) => {
          setEditing(false);
          loaded.reload();
        }}
      />
    </>
  );
}
