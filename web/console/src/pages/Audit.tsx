// 审计日志: GET /api/audit (filters), export, and POST /api/audit/verify for the hash chain.
import type { MessageKey } from '../i18n.ts';
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { SafetyOutlined, SearchOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime, isoDate } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { can, useSession } from '../session.ts';
import type { AuditRecord, AuditVerifyResult } from '../types.ts';
import ExportButton from '../components/ExportButton.tsx';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import type { Tone } from '../theme.ts';

type Filters = { action?: string; actor?: string; outcome?: string; from?: string; to?: string };
interface FilterValues {
  action?: string;
  actor?: string;
  outcome?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

const OUTCOMES: { value: string; tone: Tone }[] = [
  { value: 'success', tone: 'success' },
  { value: 'failure', tone: 'danger' },
  { value: 'denied', tone: 'warning' },
];

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>—</>;
  return <pre className="zt-json">{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>;
}

export default function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const canVerify = can(user, 'audit.verify') || user.adminRole === 'audit';
  const list = usePagedList<AuditRecord, Filters>('/api/audit', {});
  const [form] = Form.useForm<FilterValues>();
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<AuditVerifyResult | null>(null);

  const outcomeLabel = (value: string) => (OUTCOMES.some((o) => o.value === value) ? t(`audit.outcome.${value as 'success' | 'failure' | 'denied'}`) : value);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await api.post<AuditVerifyResult>('/api/audit/verify'));
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditRecord> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 90 },
    { title: t('audit.occurredAt'), dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 130, render: (v: string | null, r) => v ?? r.actorId ?? '—' },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (v: string) => <code>{v}</code> },
    {
      title: t('audit.subject'),
      key: 'subject',
      ellipsis: true,
      render: (_: unknown, r) => (r.subjectType ? `${r.subjectType}${r.subjectId ? ` · ${r.subjectId}` : ''}` : '—'),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (v: string) => <StatusTag tone={OUTCOMES.find((o) => o.value === v)?.tone ?? 'neutral'}>{outcomeLabel(v)}</StatusTag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        description={t('audit.description')}
        extra={
          <>
            <ExportButton path="/api/audit" query={list.filters} baseName="audit-log" />
            {canVerify ? (
              <Button type="primary" icon={<SafetyOutlined aria-hidden="true" />} loading={verifying} onClick={() => void verify()}>
                {t('audit.verify')}
              </Button>
            ) : null}
          </>
        }
      />
      <div role="status" aria-live="polite">
        {verdict ? (
          verdict.ok && !verdict.firstBroken ? (
            <Alert type="success" showIcon closable={{ onClose: () => setVerdict(null) }} style={{ marginBottom: 16 }} title={t('audit.verifyOk', { n: verdict.checked })} />
          ) : (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setVerdict(null) }}
              style={{ marginBottom: 16 }}
              title={t('audit.verifyBroken', { seq: verdict.firstBroken?.seq ?? '?', n: verdict.checked })}
              description={verdict.firstBroken ? t('audit.verifyReason', { reason: t(`audit.reason.${verdict.firstBroken.reason}` as MessageKey) }) : undefined}
            />
          )
        ) : null}
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="audit-filter"
          layout="vertical"
          onFinish={(v) =>
            list.setFilters({ action: v.action?.trim() || undefined, actor: v.actor?.trim() || undefined, outcome: v.outcome, from: isoDate(v.from), to: isoDate(v.to) })
          }
        >
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('audit.action')} name="action">
                <Input allowClear placeholder={t('audit.actionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={4}>
              <Form.Item label={t('audit.actor')} name="actor">
                <Input allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8} lg={3}>
              <Form.Item label={t('audit.outcome')} name="outcome">
                <Select allowClear placeholder={t('common.all')} options={OUTCOMES.map((o) => ({ value: o.value, label: outcomeLabel(o.value) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Form.Item label={t('audit.from')} name="from">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Form.Item label={t('audit.to')} name="to">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={4}>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                    {t('common.search')}
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      list.setFilters({});
                    }}
                  >
                    {t('common.reset')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<AuditRecord>
          rowKey="seq"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={{ x: 1000 }}
          expandable={{
            columnTitle: <span className="zt-visually-hidden">{t('audit.detail')}</span>,
            expandedRowRender: (r) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'ua', label: t('audit.userAgent'), children: r.userAgent ?? '—' },
                  { key: 'unit', label: t('audit.unitId'), children: r.unitId ?? '—' },
                  { key: 'before', label: t('audit.before'), children: <Json value={r.before} /> },
                  { key: 'after', label: t('audit.after'), children: <Json value={r.after} /> },
                  { key: 'detail', label: t('audit.detail'), children: <Json value={r.detail} /> },
                ]}
              />
            ),
          }}
        />
      </Card>
    </>
  );
}
