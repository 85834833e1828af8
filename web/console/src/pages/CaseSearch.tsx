// 办件查询: GET /api/cases — every case in the user's read scope, by keyword, status, time state, channel
// and submission dates; 导出 Excel downloads GET /api/cases/export.xlsx with the same filters.
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { errorText, formatDate, formatDateTime, isoDate } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import ExportButton from '../components/ExportButton.tsx';
import PageHeader from '../components/PageHeader.tsx';
import { CaseStatusTag, RemainingDays, TimeStateTag } from '../services/tags.tsx';
import type { CaseSummary } from '../services/types.ts';
import { CASE_STATUSES, CHANNELS, TIME_STATES } from '../services/vocab.ts';

type Filters = { q?: string; status?: string; timeState?: string; channel?: string; submittedFrom?: string; submittedTo?: string };
interface FilterValues {
  q?: string;
  status?: string;
  timeState?: string;
  channel?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

export default function CaseSearchPage() {
  const { t } = useI18n();
  const list = usePagedList<CaseSummary, Filters>('/api/cases', {});
  const [form] = Form.useForm<FilterValues>();
  const channelLabel = (channel: string) => (channel === 'online' || channel === 'window' || channel === 'pushed' ? t(`svc.channel.${channel}`) : channel);

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('svc.case.caseNumber'),
      dataIndex: 'caseNumber',
      width: 230,
      fixed: 'left',
      render: (number: string, row) => (
        <a href={detailHref('/cases', row.id)} className="zt-case-number">
          {number}
        </a>
      ),
    },
    { title: t('svc.case.itemName'), dataIndex: 'itemName', width: 220, ellipsis: true },
    { title: t('svc.case.ownerUnit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    { title: t('svc.case.applicant'), dataIndex: 'applicantName', width: 120, ellipsis: true },
    { title: t('svc.case.channel'), dataIndex: 'channel', width: 100, render: channelLabel },
    { title: t('svc.case.status'), dataIndex: 'status', width: 110, render: (status: CaseSummary['status']) => <CaseStatusTag status={status} /> },
    { title: t('svc.case.timeState'), dataIndex: 'timeState', width: 120, render: (state: string) => <TimeStateTag state={state} /> },
    {
      title: t('svc.case.deadline'),
      key: 'deadline',
      width: 170,
      render: (_: unknown, row) => (
        <div style={{ lineHeight: 1.5 }}>
          <RemainingDays days={row.remainingDays} state={row.timeState} />
          <div style={{ fontSize: 12, color: '#4b5563' }}>{row.caseDeadline ? t('svc.case.caseDue', { date: formatDate(row.caseDeadline) }) : '—'}</div>
        </div>
      ),
    },
    { title: t('svc.case.submittedAt'), dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader title={t('nav.cases')} description={t('svc.search.description')} extra={<ExportButton path="/api/cases" query={list.filters} baseName={t('svc.cases.exportName')} />} />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="case-search"
          layout="vertical"
          onFinish={(v) =>
            list.setFilters({
              q: v.q?.trim() || undefined,
              status: v.status,
              timeState: v.timeState,
              channel: v.channel,
              submittedFrom: isoDate(v.from),
              submittedTo: isoDate(v.to),
            })
          }
        >
          <Row gutter={16} align="bottom">
            <Col xs={24} md={12} xl={5}>
              <Form.Item label={t('svc.filter.keyword')} name="q">
                <Input allowClear placeholder={t('svc.search.keywordPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('svc.case.status')} name="status">
                <Select allowClear placeholder={t('common.all')} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`svc.caseStatus.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('svc.case.timeState')} name="timeState">
                <Select allowClear placeholder={t('common.all')} options={TIME_STATES.map((s) => ({ value: s, label: t(`svc.timeState.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('svc.case.channel')} name="channel">
                <Select allowClear placeholder={t('common.all')} options={CHANNELS.map((c) => ({ value: c, label: t(`svc.channel.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('svc.search.from')} name="from">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={3}>
              <Form.Item label={t('svc.search.to')} name="to">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} xl={3}>
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
      {list.response?.totalCapped === true ? <Alert type="info" showIcon title={t('svc.search.capped')} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<CaseSummary> rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} onChange={list.onTableChange} scroll={{ x: 1410 }} />
      </Card>
    </>
  );
}
