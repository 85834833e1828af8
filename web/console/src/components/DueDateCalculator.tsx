// "N working days from a start date" using GET /api/calendar/due-date.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api.ts';
import { chinaToday, errorText } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { DueDateResult } from '../types.ts';

export default function DueDateCalculator() {
  const { t } = useI18n();
  const [result, setResult] = useState<DueDateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('calendar.dueTitle')}</h2>}>
      <Form
        name="due-date"
        layout="inline"
        initialValues={{ start: chinaToday(), days: 20 }}
        style={{ rowGap: 12 }}
        onFinish={async (values: { start: Dayjs; days: number }) => {
          setBusy(true);
          setError(null);
          try {
            setResult(await api.get<DueDateResult>('/api/calendar/due-date', { start: values.start.format('YYYY-MM-DD'), days: values.days }));
          } catch (caught) {
            setResult(null);
            setError(errorText(caught));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item label={t('calendar.dueStart')} name="start" rules={[{ required: true, message: t('calendar.dueStartRequired') }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item label={t('calendar.dueDays')} name="days" rules={[{ required: true, message: t('calendar.dueDaysRequired') }]}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('calendar.dueCompute')}
          </Button>
        </Form.Item>
      </Form>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
        {result ? (
          <Alert
            type="info"
            showIcon
            title={t('calendar.dueResult', {
              start: result.start,
              days: result.days,
              due: result.dueDate,
              weekday: dayjs(result.dueDate).format('dddd'),
            })}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </div>
    </Card>
  );
}
