// 监察大屏: GET /api/supervision/dashboard — the supervision room's big screen over the part of the organisation
// the office oversees: key figures, the 30-day trend of findings by level, cases in progress by unit, findings
// by unit, the units' ranking and the newest findings. It refreshes itself every 30 seconds (a switch pauses
// it, and it waits while the tab is hidden) and can fill the screen. Every chart has its numbers in a table.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Alert, Button, Space, Switch } from 'antd';
import { CompressOutlined, ExpandOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import EChart from '../components/charts/EChart.tsx';
import { DataTable } from '../components/charts/ChartCard.tsx';
import type { ChartSpec } from '../services/statisticsCharts.ts';
import { casesChart, trendChart, unitFindingsChart } from '../supervision/dashboardCharts.ts';
import { categoryLabel, FindingStatusTag, LevelTag, LEVEL_COLOURS, subjectText } from '../supervision/tags.tsx';
import type { Dashboard } from '../supervision/types.ts';
import '../supervision/supervision.css';

const REFRESH_SECONDS = 30;

/** A panel of the board: a title, the chart (or any content) and a toggle showing the same numbers as a table. */
function Panel({ id, title, spec, height = 260, children, className }: { id: string; title: string; spec?: ChartSpec; height?: number; children?: ReactNode; className?: string }) {
  const { t } = useI18n();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className={`zt-board-panel ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <div className="zt-board-panel-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {spec ? (
          <button type="button" className="zt-board-toggle" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((shown) => !shown)}>
            {showTable ? t('sup.dash.hideData') : t('sup.dash.showData')}
          </button>
        ) : null}
      </div>
      {spec ? (
        spec.empty ? (
          <div className="zt-board-empty" style={{ height }}>
            {spec.summary}
          </div>
        ) : (
          <EChart option={spec.option} height={height} label={t('svc.stats.chartLabel', { title: spec.title, summary: spec.summary })} />
        )
      ) : null}
      {children}
      {spec ? (
        <div id={`${id}-table`} hidden={!showTable}>
          {showTable ? <DataTable caption={t('svc.stats.tableCaption', { title: spec.title })} {...spec.table} /> : null}
        </div>
      ) : null}
    </section>
  );
}

function Kpis({ board }: { board: Dashboard }) {
  const { t } = useI18n();
  const kpis = [
    { key: 'cases', label: t('sup.dash.casesInProgress'), value: board.casesInProgress.total, unit: t('sup.dash.casesUnit'), accent: '#38bdf8' },
    { key: 'warning', label: t('sup.dash.todayWarning'), value: board.findingsToday.warning, unit: t('sup.dash.findingsUnit'), accent: LEVEL_COLOURS.warning.chart },
    { key: 'yellow', label: t('sup.dash.todayYellow'), value: board.findingsToday.yellow, unit: t('sup.dash.findingsUnit'), accent: LEVEL_COLOURS.yellow.chart },
    { key: 'red', label: t('sup.dash.todayRed'), value: board.findingsToday.red, unit: t('sup.dash.findingsUnit'), accent: '#f87171' },
    { key: 'awaitingAnswer', label: t('sup.dash.awaitingAnswer'), value: board.handling.awaitingAnswer, unit: t('sup.dash.findingsUnit'), accent: '#fb923c' },
    { key: 'awaitingReview', label: t('sup.dash.awaitingReview'), value: board.handling.awaitingReview, unit: t('sup.dash.findingsUnit'), accent: '#a78bfa' },
    { key: 'window', label: t('sup.dash.windowTotal', { n: board.windowDays }), value: board.findingsInWindow.total, unit: t('sup.dash.findingsUnit'), accent: '#34d399' },
  ];
  return (
    <section aria-labelledby="board-kpis">
      <h3 id="board-kpis" className="zt-visually-hidden">
        {t('sup.dash.kpis')}
      </h3>
      <dl className="zt-board-kpis">
        {kpis.map((kpi) => (
          <div key={kpi.key} className="zt-board-kpi" data-kpi={kpi.key} style={{ borderTopColor: kpi.accent }}>
            <dt>{kpi.label}</dt>
            <dd>
              <span className="zt-board-kpi-value" style={{ color: kpi.accent }}>
                {kpi.value}
              </span>
              <span className="zt-board-kpi-unit">{kpi.unit}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Ranking({ board }: { board: Dashboard }) {
  const { t } = useI18n();
  const weights = board.ranking.weights;
  return (
    <Panel id="board-ranking" title={t('sup.dash.ranking', { n: board.windowDays })}>
      <p className="zt-board-note">{t('sup.dash.rankingRule', { warning: weights.warning, yellow: weights.yellow, red: weights.red })}</p>
      <div className="zt-board-scroll" tabIndex={0} role="region" aria-label={t('sup.dash.ranking', { n: board.windowDays })}>
        <table className="zt-board-table">
          <thead>
            <tr>
              <th scope="col" className="zt-num">
                {t('sup.dash.rank')}
              </th>
              <th scope="col">{t('sup.dash.unit')}</th>
              <th scope="col" className="zt-num">
                {t('sup.dash.cases')}
              </th>
              <th scope="col" className="zt-num">
                {t('sup.dash.colWarning')}
              </th>
              <th scope="col" className="zt-num">
                {t('sup.dash.colYellow')}
              </th>
              <th scope="col" className="zt-num">
                {t('sup.dash.colRed')}
              </th>
              <th scope="col" className="zt-num">
                {t('sup.dash.perCase')}
              </th>
            </tr>
          </thead>
          <tbody>
            {board.ranking.units.length === 0 ? (
              <tr>
                <td colSpan={7}>{t('common.noData')}</td>
              </tr>
            ) : (
              board.ranking.units.map((unit) => (
                <tr key={unit.unitId}>
                  <td className="zt-num">
                    <span className={`zt-rank zt-rank-${Math.min(unit.rank, 4)}`}>{unit.rank}</span>
                  </td>
                  <th scope="row">{unit.unitName}</th>
                  <td className="zt-num">{unit.cases}</td>
                  <td className="zt-num">{unit.warning}</td>
                  <td className="zt-num">{unit.yellow}</td>
                  <td className="zt-num">{unit.red}</td>
                  <td className="zt-num">{unit.perCase.toFixed(2)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function Newest({ board }: { board: Dashboard }) {
  const { t } = useI18n();
  return (
    <Panel id="board-newest" title={t('sup.dash.newest')}>
      <div className="zt-board-scroll zt-board-newest" tabIndex={0} role="region" aria-label={t('sup.dash.newest')}>
        <table className="zt-board-table">
          <thead>
            <tr>
              <th scope="col">{t('sup.col.raisedAt')}</th>
              <th scope="col">{t('sup.col.level')}</th>
              <th scope="col">{t('sup.col.unit')}</th>
              <th scope="col">{t('sup.col.subject')}</th>
              <th scope="col">{t('sup.col.finding')}</th>
              <th scope="col">{t('sup.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {board.newest.length === 0 ? (
              <tr>
                <td colSpan={6}>{t('sup.dash.noFindings')}</td>
              </tr>
            ) : (
              board.newest.map((finding) => (
                <tr key={finding.id}>
                  <td className="zt-nowrap">{dayjs(finding.raisedAt).format('MM-DD HH:mm')}</td>
                  <td>
                    <LevelTag level={finding.level} />
                  </td>
                  <td className="zt-nowrap">{finding.unitName}</td>
                  <td className="zt-nowrap">{subjectText(t, finding.subjectType, finding.subjectLabel)}</td>
                  <td className="zt-board-finding">
                    <a href={`#/supervision/findings/${encodeURIComponent(finding.id)}`}>{finding.ruleName}</a>
                    <span className="zt-board-finding-note">
                      {categoryLabel(t, finding.category, finding.categoryName)} · {finding.description}
                    </span>
                  </td>
                  <td>
                    <FindingStatusTag status={finding.status} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function useFullscreen(target: RefObject<HTMLElement | null>): { active: boolean; toggle: () => void } {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === target.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [target]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void target.current?.requestFullscreen?.().catch(() => undefined);
  }, [target]);
  return { active, toggle };
}

export default function SupervisionDashboardPage() {
  const { t, lang } = useI18n();
  const loaded = useLoad(() => api.get<Dashboard>('/api/supervision/dashboard'), []);
  const board = loaded.data;
  const [auto, setAuto] = useState(true);
  const boardRef = useRef<HTMLDivElement>(null);
  const fullscreen = useFullscreen(boardRef);
  const { reload } = loaded;

  useEffect(() => {
    if (!auto) return undefined;
    const timer = window.setInterval(() => {
      if (!document.hidden) reload();
    }, REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [auto, reload]);

  const charts = useMemo(
    () =>
      board
        ? {
            trend: trendChart(board, t, lang),
            cases: casesChart(board, t, lang),
            units: unitFindingsChart(board.byUnit, t('sup.dash.findingsByUnit', { n: board.windowDays }), t, lang),
          }
        : null,
    [board, t, lang],
  );

  const controls = (
    <Space size={12} wrap>
      <Space size={6}>
        <Switch id="board-auto-refresh" checked={auto} onChange={setAuto} aria-describedby="board-updated" />
        <label htmlFor="board-auto-refresh">{t('sup.dash.autoRefresh', { n: REFRESH_SECONDS })}</label>
      </Space>
      <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={reload} loading={loaded.loading && board !== null}>
        {t('common.refresh')}
      </Button>
      <Button icon={fullscreen.active ? <CompressOutlined aria-hidden="true" /> : <ExpandOutlined aria-hidden="true" />} onClick={fullscreen.toggle}>
        {fullscreen.active ? t('sup.dash.exitFullscreen') : t('sup.dash.fullscreen')}
      </Button>
    </Space>
  );

  return (
    <>
      <PageHeader title={t('nav.supDashboard')} description={t('sup.dash.description', { n: REFRESH_SECONDS })} extra={controls} />
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} action={<Button onClick={reload}>{t('common.retry')}</Button>} /> : null}
      <div ref={boardRef} className={`zt-board${fullscreen.active ? ' zt-board-fullscreen' : ''}`} data-testid="supervision-board">
        <div className="zt-board-head">
          <h2 className="zt-board-title">{board?.scopeUnitName ? t('sup.dash.boardTitle', { scope: board.scopeUnitName }) : t('sup.dash.boardTitleAll')}</h2>
          <div className="zt-board-meta">
            {board ? <span>{t('sup.dash.today', { date: dayjs(board.today).format(lang === 'zh' ? 'YYYY年M月D日 dddd' : 'dddd, D MMMM YYYY') })}</span> : null}
            <span id="board-updated">{board ? t(auto ? 'sup.dash.updatedAuto' : 'sup.dash.updatedPaused', { time: formatDateTime(board.generatedAt).slice(11), n: REFRESH_SECONDS }) : t('common.loading')}</span>
            {fullscreen.active ? (
              <button type="button" className="zt-board-toggle" onClick={fullscreen.toggle}>
                {t('sup.dash.exitFullscreen')}
              </button>
            ) : null}
          </div>
        </div>
        {board && charts ? (
          <>
            <Kpis board={board} />
            <div className="zt-board-grid">
              <Panel id="board-trend" className="zt-board-wide" title={charts.trend.title} spec={charts.trend} />
              <Panel id="board-cases" title={charts.cases.title} spec={charts.cases} />
              <Panel id="board-units" title={charts.units.title} spec={charts.units} height={300} />
              <Ranking board={board} />
              <Newest board={board} />
            </div>
          </>
        ) : (
          <div className="zt-board-empty" style={{ height: 320 }}>
            {loaded.loading ? t('common.loading') : null}
          </div>
        )}
      </div>
    </>
  );
}
