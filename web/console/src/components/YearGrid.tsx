// Twelve month tables of colour-coded days. Days are buttons for calendar managers, with arrow-key navigation.
import { useMemo, useState, type KeyboardEvent } from 'react';
import dayjs from 'dayjs';
import { chinaToday } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import type { CalendarDay, DayKind } from '../types.ts';

export const DAY_COLOURS: Record<DayKind, { background: string; color: string; borderColor: string }> = {
  workday: { background: '#ffffff', color: '#111827', borderColor: '#e5e7eb' },
  weekend: { background: '#e5e7eb', color: '#1f2937', borderColor: '#d1d5db' },
  holiday: { background: '#fee2e2', color: '#991b1b', borderColor: '#fca5a5' },
  makeup_workday: { background: '#fef3c7', color: '#92400e', borderColor: '#fcd34d' },
};

export const KIND_LABEL: Record<DayKind, MessageKey> = {
  workday: 'calendar.kind.workday',
  weekend: 'calendar.kind.weekend',
  holiday: 'calendar.kind.holiday',
  makeup_workday: 'calendar.kind.makeup_workday',
};

const WEEKDAYS: MessageKey[] = ['calendar.wd.1', 'calendar.wd.2', 'calendar.wd.3', 'calendar.wd.4', 'calendar.wd.5', 'calendar.wd.6', 'calendar.wd.7'];

export function effectiveKind(day: CalendarDay): DayKind {
  if (!day.override) return day.kind;
  const weekend = [0, 6].includes(dayjs(day.date).day());
  if (day.override.working) return weekend ? 'makeup_workday' : 'workday';
  return weekend ? 'weekend' : 'holiday';
}

export default function YearGrid({ year, days, onPick }: { year: number; days: CalendarDay[]; onPick?: (day: CalendarDay) => void }) {
  const { t } = useI18n();
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  const today = chinaToday().format('YYYY-MM-DD');
  const [focusDate, setFocusDate] = useState(() => (today.startsWith(`${year}-`) ? today : `${year}-01-01`));

  const describe = (day: CalendarDay) => {
    const kind = effectiveKind(day);
    const parts = [dayjs(day.date).format(t('calendar.longDate')), t(KIND_LABEL[kind])];
    if (day.name) parts.push(day.name);
    if (day.override) parts.push(t('calendar.overridden', { note: day.override.note || '—' }));
    return parts.join('，');
  };

  const move = (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = dayjs(date).add(step, 'day');
    if (next.year() !== year) return;
    const key = next.format('YYYY-MM-DD');
    setFocusDate(key);
    document.querySelector<HTMLButtonElement>(`button[data-date="${key}"]`)?.focus();
  };

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 20 }}>
      {Array.from({ length: 12 }, (_, month) => {
        const first = dayjs(new Date(year, month, 1));
        const offset = (first.day() + 6) % 7;
        const count = first.daysInMonth();
        const cells: (string | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: count }, (_, i) => first.date(i + 1).format('YYYY-MM-DD'))];
        while (cells.length % 7 !== 0) cells.push(null);
        const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
        return (
          <div key={month} className="zt-month">
            <table>
              <caption>{first.format(t('calendar.monthFormat'))}</caption>
              <thead>
                <tr>
                  {WEEKDAYS.map((key) => (
                    <th key={key} scope="col">
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week, w) => (
                  <tr key={w}>
                    {week.map((date, d) => {
                      const day = date ? byDate.get(date) : undefined;
                      if (!date) return <td key={d} />;
                      if (!day) return <td key={d}>{Number(date.slice(8))}</td>;
                      const style = DAY_COLOURS[effectiveKind(day)];
                      const className = ['zt-day', day.override ? 'zt-day-override' : '', date === today ? 'zt-day-today' : ''].join(' ').trim();
                      return (
                        <td key={d}>
                          {onPick ? (
                            <button
                              type="button"
                              className={className}
                              style={style}
                              data-date={date}
                              tabIndex={date === focusDate ? 0 : -1}
                              aria-label={describe(day)}
                              title={describe(day)}
                              onFocus={() => setFocusDate(date)}
                              onKeyDown={(event) => move(event, date)}
                              onClick={() => onPick(day)}
                            >
                              {Number(date.slice(8))}
                            </button>
                          ) : (
                            <span className={className} style={style} title={describe(day)}>
                              <span aria-hidden="true">{Number(date.slice(8))}</span>
                              <span className="zt-visually-hidden">{describe(day)}</span>
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
