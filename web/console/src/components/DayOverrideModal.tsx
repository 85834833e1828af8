// Set (PUT) or clear (DELETE) a manual override of one day in the working calendar.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { CalendarDay } from '../types.ts';
import { KIND_LABEL } from './YearGrid.tsx';

interface Values {
  working: boolean;
  note: string;
}

export default function DayOverrideModal({ day, onClose, onSaved }: { day: CalendarDay | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (day) setError(null);
  }, [day]);
  const initialValues = useMemo<Partial<Values>>(
    () => (day ? { working: day.override ? day.override.working : !day.working, note: day.override?.note ?? '' } : {}),
    [day],
  );

  const run = async (kind: 'save' | 'clear', action: () => Promise<unknown>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
      onSaved();
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  };

  const path = day ? `/api/calendar/overrides/${day.date}` : '';

  return (
    <Modal
      open={day !== null}
      title={day ? t('calendar.adjustTitle', { date: dayjs(day.date).format(t('calendar.longDate')) }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {day?.override ? (
            <Button danger loading={busy === 'clear'} onClick={() => void run('clear', () => api.delete(path))}>
              {t('calendar.clearOverride')}
            </Button>
          ) : null}
          <Button type="primary" loading={busy === 'save'} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {day ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'kind', label: t('calendar.statutory'), children: `${t(KIND_LABEL[day.kind])}${day.name ? ` · ${day.name}` : ''}` },
            {
              key: 'override',
              label: t('calendar.currentOverride'),
              children: day.override ? `${day.override.working ? t('calendar.working') : t('calendar.resting')}${day.override.note ? ` · ${day.override.note}` : ''}` : t('calendar.noOverride'),
            },
          ]}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name="calendar-override"
        initialValues={initialValues}
        layout="vertical"
        onFinish={(values) => void run('save', () => api.put(path, { working: values.working, note: values.note.trim() }))}
      >
        <Form.Item label={t('calendar.setAs')} name="working" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: true, label: t('calendar.working') },
              { value: false, label: t('calendar.resting') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('calendar.note')} name="note" extra={t('calendar.noteHint')} rules={[{ required: true, whitespace: true, message: t('calendar.noteRequired') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
