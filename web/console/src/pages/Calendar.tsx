// 工作日历: GET /api/calendar/status + /years/:year, colour-coded year grid, overrides, due-date calculator.
import { useEffect, useState } from 'react';
import { Alert, App, Card, Form, Select, Skeleton, Space } from 'antd';
import { api } from '../api.ts';
import { errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { useCan } from '../session.ts';
import type { CalendarDay, CalendarStatus, CalendarYear, DayKind } from '../types.ts';
import DayOverrideModal from '../components/DayOverrideModal.tsx';
import DueDateCalculator from '../components/DueDateCalculator.tsx';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import YearGrid, { DAY_COLOURS, KIND_LABEL } from '../components/YearGrid.tsx';

const KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday'];

export default function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useCan('calendar.manage');
  const status = useLoad(() => api.get<CalendarStatus>('/api/calendar/status'), []);
  const [year, setYear] = useState<number | null>(null);
  const [picked, setPicked] = useState<CalendarDay | null>(null);

  useEffect(() => {
    if (status.data && year === null) setYear(status.data.currentYear);
  }, [status.data, year]);

  const calendar = useLoad(() => (year === null ? Promise.resolve(null) : api.get<CalendarYear>(`/api/calendar/years/${year}`)), [year]);

  const years = status.data
    ? [...new Set([...status.data.years, status.data.currentYear, status.data.nextYear])].sort((a, b) => a - b)
    : year !== null
      ? [year]
      : [];

  return (
    <>
      <PageHeader title={t('nav.calendar')} description={t('calendar.description')} />
      {status.error ? <Alert type="error" showIcon title={errorText(status.error)} style={{ marginBottom: 16 }} /> : null}
      {status.data?.nextYearMissing ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.nextYearMissing', { year: status.data.nextYear })} description={t('calendar.nextYearMissingHint')} />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 24, alignItems: 'center', flexWrap: 'wrap', marginBottom: 16 }}>
          <Form name="calendar-year" layout="inline">
            <Form.Item label={t('calendar.year')} htmlFor="calendar-year-select" style={{ marginBottom: 0 }}>
              <Select<number>
                id="calendar-year-select"
                value={year ?? undefined}
                onChange={setYear}
                loading={status.loading}
                style={{ width: 120 }}
                options={years.map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </Form>
          {calendar.data ? (
            calendar.data.shipped ? (
              <StatusTag tone="success">{t('calendar.shipped')}</StatusTag>
            ) : (
              <StatusTag tone="warning">{t('calendar.notShipped')}</StatusTag>
            )
          ) : null}
          <ul aria-label={t('calendar.legend')} style={{ display: 'flex', gap: 16, flexWrap: 'wrap', listStyle: 'none', margin: 0, padding: 0 }}>
            {KINDS.map((kind) => (
              <li key={kind}>
                <span className="zt-legend-swatch" style={{ background: DAY_COLOURS[kind].background }} aria-hidden="true" />
                {t(KIND_LABEL[kind])}
              </li>
            ))}
            <li>
              <span className="zt-legend-swatch zt-day-override" style={{ position: 'relative', background: '#fff' }} aria-hidden="true" />
              {t('calendar.legendOverride')}
            </li>
          </ul>
        </div>
        {canManage ? <p style={{ margin: '0 0 12px', color: '#374151' }}>{t('calendar.manageHint')}</p> : null}
        {calendar.error ? <Alert type="error" showIcon title={errorText(calendar.error)} style={{ marginBottom: 16 }} /> : null}
        {calendar.data && !calendar.data.shipped ? <Alert type="info" showIcon title={t('calendar.notShippedHint')} style={{ marginBottom: 16 }} /> : null}
        {calendar.loading && !calendar.data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : calendar.data ? (
          <YearGrid key={calendar.data.year} year={calendar.data.year} days={calendar.data.days} onPick={canManage ? setPicked : undefined} />
        ) : null}
      </Card>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <DueDateCalculator />
      </Space>
      {canManage ? (
        <DayOverrideModal
          day={picked}
          onClose={() => setPicked(null)}
          onSaved={() => {
            setPicked(null);
            message.success(t('common.saved'));
            calendar.reload();
          }}
        />
      ) : null}
    </>
  );
}
