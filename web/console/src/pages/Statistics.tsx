// 办件统计: GET /api/cases/statistics?from&to&unitId — key figures and five charts (by month, status, unit, item
// and satisfaction level) for a period, each chart with its numbers in a data table.
import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Space, Spin } from 'antd';
import { CheckCircleOutlined, FieldTimeOutlined, FileTextOutlined, HourglassOutlined, ReloadOutlined, SearchOutlined, SmileOutlined, StarOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api.ts';
import { chinaToday, errorText, formatDate, isoDate } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import ChartCard from '../components/charts/ChartCard.tsx';
import type { Statistics } from '../services/hallTools.ts';
import { itemChart, monthChart, percent, satisfactionChart, statusChart, unitChart } from '../services/statisticsCharts.ts';

interface Query {
  from: string;
  to: string;
  unitId?: string;
}

interface FilterValues {
  from?: Dayjs | null;
  to?: Dayjs | null;
  unitId?: string;
}

type Preset = 'thisMonth' | 'thisQuarter' | 'thisYear' | 'lastYear';
const PRESETS: Preset[] = ['thisMonth', 'thisQuarter', 'thisYear', 'lastYear'];

function presetRange(preset: Preset): [Dayjs, Dayjs] {
  const today = chinaToday();
  switch (preset) {
    case 'thisMonth':
      return [today.startOf('month'), today];
    case 'thisQuarter':
      return [today.month(Math.floor(today.month() / 3) * 3).startOf('month'), today];
    case 'lastYear':
      return [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')];
    default:
      return [today.startOf('year'), today];
  }
}

interface Kpi {
  key: string;
  label: MessageKey;
  value: string;
  unit?: string;
  note: string;
  icon: ReactNode;
  accent: string;
}

function KpiList({ stats }: { stats: Statistics }) {
  const { t } = useI18n();
  const late = stats.byUnit.reduce((sum, unit) => sum + unit.late, 0);
  const satisfaction = stats.satisfaction;
  const kpis: Kpi[] = [
    { key: 'submitted', label: 'svc.stats.submitted', value: String(stats.submitted), note: t('svc.stats.submittedNote'), icon: <FileTextOutlined aria-hidden="true" />, accent: '#1d4ed8' },
    { key: 'concluded', label: 'svc.stats.concluded', value: String(stats.concluded), note: t('svc.stats.concludedNote', { n: late }), icon: <CheckCircleOutlined aria-hidden="true" />, accent: '#15803d' },
    { key: 'onTime', label: 'svc.stats.onTimeRate', value: percent(stats.onTimeRate), note: t('svc.stats.onTimeRateNote'), icon: <FieldTimeOutlined aria-hidden="true" />, accent: '#0f766e' },
    {
      key: 'days',
      label: 'svc.stats.averageDays',
      value: stats.averageWorkingDays === null ? '—' : String(stats.averageWorkingDays),
      unit: stats.averageWorkingDays === null ? undefined : t('svc.stats.daysUnit'),
      note: t('svc.stats.averageDaysNote'),
      icon: <HourglassOutlined aria-hidden="true" />,
      accent: '#b45309',
    },
    { key: 'satisfied', label: 'svc.stats.satisfiedRate', value: percent(satisfaction.satisfiedRate), note: t('svc.stats.satisfiedRateNote', { n: satisfaction.count }), icon: <SmileOutlined aria-hidden="true" />, accent: '#7c3aed' },
    {
      key: 'score',
      label: 'svc.stats.averageScore',
      value: satisfaction.averageScore === null ? '—' : satisfaction.averageScore.toFixed(2),
      unit: satisfaction.averageScore === null ? undefined : t('svc.stats.scoreUnit'),
      note: t('svc.stats.averageScoreNote'),
      icon: <StarOutlined aria-hidden="true" />,
      accent: '#be123c',
    },
  ];
  return (
    <section aria-labelledby="kpi-title" style={{ marginBottom: 16 }}>
      <h2 id="kpi-title" className="zt-visually-hidden">
        {t('svc.stats.kpis')}
      </h2>
      <dl className="zt-kpis">
        {kpis.map((kpi) => (
          <div key={kpi.key} className="zt-kpi" style={{ borderTopColor: kpi.accent }} data-kpi={kpi.key}>
            <dt>
              <span className="zt-kpi-icon" style={{ color: kpi.accent, background: `${kpi.accent}14` }}>
                {kpi.icon}
              </span>
              {t(kpi.label)}
            </dt>
            <dd className="zt-kpi-value">
              {kpi.value}
              {kpi.unit ? <span className="zt-kpi-unit">{kpi.unit}</span> : null}
            </dd>
            <dd className="zt-kpi-note">{kpi.note}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Charts({ stats }: { stats: Statistics }) {
  const { t, lang } = useI18n();
  const charts = useMemo(
    () => ({
      month: monthChart(stats, t, lang),
      status: statusChart(stats, t, lang),
      unit: unitChart(stats, t, lang),
      item: itemChart(stats, t, lang),
      satisfaction: satisfactionChart(stats, t, lang),
    }),
    [stats, t, lang],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <ChartCard {...charts.month} />
      </Col>
      <Col xs={24} xl={9}>
        <ChartCard {...charts.status} />
      </Col>
      <Col xs={24}>
        <ChartCard {...charts.unit} />
      </Col>
      <Col xs={24} xl={14}>
        <ChartCard {...charts.item} />
      </Col>
      <Col xs={24} xl={10}>
        <ChartCard {...charts.satisfaction} />
      </Col>
    </Row>
  );
}

export default function StatisticsPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const initial = presetRange('thisYear');
  const [query, setQuery] = useState<Query>({ from: initial[0].format('YYYY-MM-DD'), to: initial[1].format('YYYY-MM-DD') });
  const loaded = useLoad(() => api.get<Statistics>('/api/cases/statistics', { ...query }), [query.from, query.to, query.unitId]);
  const stats = loaded.data;

  const apply = (values: FilterValues) => {
    const from = values.from ?? initial[0];
    const to = values.to ?? chinaToday();
    setQuery({ from: isoDate(from) ?? query.from, to: isoDate(to) ?? query.to, unitId: values.unitId || undefined });
  };
  const choosePreset = (preset: Preset) => {
    const [from, to] = presetRange(preset);
    form.setFieldsValue({ from, to });
    apply({ ...form.getFieldsValue(), from, to });
  };

  return (
    <>
      <PageHeader
        title={t('nav.statistics')}
        description={t('svc.stats.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={loaded.reload} loading={loaded.loading && stats !== null}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} name="statistics-filter" layout="inline" requiredMark={false} initialValues={{ from: initial[0], to: initial[1] }} onFinish={apply} style={{ rowGap: 12 }}>
          <Form.Item label={t('svc.stats.from')} name="from" rules={[{ required: true }]}>
            <DatePicker allowClear={false} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item
            label={t('svc.stats.to')}
            name="to"
            dependencies={['from']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null) => (value && getFieldValue('from') && value.isBefore(getFieldValue('from') as Dayjs, 'day') ? Promise.reject(new Error(t('svc.stats.rangeInvalid'))) : Promise.resolve()),
              }),
            ]}
          >
            <DatePicker allowClear={false} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label={t('svc.stats.unit')} name="unitId">
            <UnitTreeSelect allowClear placeholder={t('svc.stats.allUnits')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setQuery({ from: initial[0].format('YYYY-MM-DD'), to: initial[1].format('YYYY-MM-DD') });
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <div className="zt-presets" role="group" aria-label={t('svc.stats.period')}>
          <span className="zt-presets-label" aria-hidden="true">
            {t('svc.stats.period')}：
          </span>
          {PRESETS.map((preset) => (
            <Button key={preset} size="small" onClick={() => choosePreset(preset)}>
              {t(`svc.stats.preset.${preset}`)}
            </Button>
          ))}
          <span className="zt-presets-showing" role="status">
            {stats ? t('svc.stats.showing', { from: formatDate(stats.from), to: formatDate(stats.to) }) : null}
          </span>
        </div>
      </Card>
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} /> : null}
      {stats ? (
        <Spin spinning={loaded.loading}>
          <KpiList stats={stats} />
          <Charts stats={stats} />
        </Spin>
      ) : loaded.loading ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : null}
    </>
  );
}
