// 交办督办事项: POST /api/supervision/tasks — a unit in the office's scope (the org tree), a title, the content,
// the due date as a number of working days from today or as a date, and files uploaded first through
// POST /api/files. The server's validation messages land on their fields.
import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api.ts';
import { applyIssues, chinaToday, errorText, isoDate } from '../format.ts';
import { useI18n } from '../i18n.ts';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import type { StoredFile } from '../services/types.ts';
import { FileUploader } from './files.tsx';
import type { SupervisionTaskDetail } from './types.ts';

interface IssueValues {
  unitId?: string;
  title: string;
  content: string;
  dueMode: 'days' | 'date';
  dueInWorkingDays?: number | null;
  dueOn?: Dayjs | null;
}

export default function IssueTaskModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (task: SupervisionTaskDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueValues>();
  const dueMode = Form.useWatch('dueMode', form) ?? 'days';
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFiles([]);
    setError(null);
  }, [open, form]);

  const submit = async () => {
    let values: IssueValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        unitId: values.unitId,
        title: values.title.trim(),
        content: values.content.trim(),
        ...(values.dueMode === 'days' ? { dueInWorkingDays: values.dueInWorkingDays ?? undefined } : { dueOn: isoDate(values.dueOn) }),
        fileIds: files.map((file) => file.id),
      };
      const task = await api.post<SupervisionTaskDetail>('/api/supervision/tasks', body);
      message.success(t('sup.task.issued', { number: task.taskNumber }));
      onIssued(task);
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('sup.task.issueTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('sup.task.issueSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ disabled: uploading }}
      width={640}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      <Form form={form} name="task-issue" layout="vertical" initialValues={{ title: '', content: '', dueMode: 'days', dueInWorkingDays: 5 }} requiredMark onFinish={() => void submit()}>
        <Form.Item label={t('sup.task.unit')} name="unitId" rules={[{ required: true, message: t('sup.task.unitRequired') }]}>
          <UnitTreeSelect style={{ width: '100%' }} placeholder={t('common.selectUnit')} />
        </Form.Item>
        <Form.Item label={t('sup.task.title')} name="title" rules={[{ required: true, whitespace: true, min: 2, message: t('sup.task.titleRequired') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('sup.task.content')} name="content" rules={[{ required: true, whitespace: true, min: 4, message: t('sup.task.contentRequired') }]}>
          <Input.TextArea rows={5} maxLength={8000} showCount />
        </Form.Item>
        <Form.Item label={t('sup.task.dueMode')} name="dueMode">
          <Radio.Group
            options={[
              { value: 'days', label: t('sup.task.dueModeDays') },
              { value: 'date', label: t('sup.task.dueModeDate') },
            ]}
          />
        </Form.Item>
        {dueMode === 'days' ? (
          <Form.Item label={t('sup.task.dueInWorkingDays')} required>
            <Space align="baseline">
              <Form.Item noStyle name="dueInWorkingDays" rules={[{ required: true, type: 'integer', min: 1, max: 120, message: t('sup.rules.range', { min: 1, max: 120 }) }]}>
                <InputNumber min={1} max={120} precision={0} aria-label={t('sup.task.dueInWorkingDays')} />
              </Form.Item>
              <span>{t('sup.rules.daysUnit')}</span>
            </Space>
          </Form.Item>
        ) : (
          <Form.Item label={t('sup.task.dueOn')} name="dueOn" rules={[{ required: true, message: t('sup.stats.dateRequired') }]}>
            <DatePicker disabledDate={(day) => day.isBefore(chinaToday(), 'day')} />
          </Form.Item>
        )}
        <FileUploader id="task-issue-files" label={t('sup.task.files')} hint={t('sup.task.filesHint', { n: 20 })} files={files} onChange={setFiles} onBusy={setUploading} dataAttr="task-files" />
        {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      </Form>
    </Modal>
  );
}
