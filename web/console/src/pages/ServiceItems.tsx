// 事项管理: GET /api/service-items with filters and paging; editors create drafts (POST /api/service-items).
// The catalogue goes out to Excel with the current filters and comes back in through the import dialog.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { errorText, formatDateTime } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import ExportButton from '../components/ExportButton.tsx';
import StatusTag from '../components/StatusTag.tsx';
import ImportItemsModal from '../components/services/ImportItemsModal.tsx';
import CreateItemModal from '../components/services/CreateItemModal.tsx';
import { ItemStatusTag } from '../services/tags.tsx';
import type { ItemSummary } from '../services/types.ts';
import { ITEM_STATUSES, ITEM_TYPE_CODES, THEMES, themeKey } from '../services/vocab.ts';

type Filters = { q?: string; status?: string; itemType?: string; theme?: string };

export default function ServiceItemsPage() {
  const { t } = useI18n();
  const canEdit = useCan('services.items.edit');
  const list = usePagedList<ItemSummary, Filters>('/api/service-items', {});
  const [filterForm] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: ColumnsType<ItemSummary> = [
    {
      title: t('svc.item.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 260,
      render: (name: string, row) => (
        <div>
          <a href={detailHref('/service-items', row.id)} style={{ fontWeight: 500 }}>
            {name}
          </a>
          <div style={{ fontSize: 12, color: '#4b5563' }}>
            {t('svc.item.basicCode')} {row.basicCode}
          </div>
        </div>
      ),
    },
    { title: t('svc.item.itemType'), dataIndex: 'itemTypeName', width: 120 },
    { title: t('svc.item.unit'), dataIndex: 'unitName', width: 180, ellipsis: true },
    {
      title: t('svc.item.caseKind'),
      dataIndex: 'caseKind',
      width: 100,
      render: (kind: string) => (kind === 'immediate' || kind === 'promised' ? t(`svc.caseKind.${kind}`) : kind),
    },
    {
      title: t('svc.item.promisedDays'),
      dataIndex: 'promisedDays',
      width: 110,
      render: (days: number | null) => (days === null ? '—' : t('svc.workingDays', { n: days })),
    },
    {
      title: t('svc.item.online'),
      dataIndex: 'onlineApplication',
      width: 100,
      render: (online: boolean) => (online ? <StatusTag tone="success">{t('svc.item.onlineYes')}</StatusTag> : <StatusTag tone="neutral">{t('svc.item.onlineNo')}</StatusTag>),
    },
    { title: t('svc.item.status'), dataIndex: 'status', width: 100, render: (status: ItemSummary['status']) => <ItemStatusTag status={status} /> },
    { title: t('svc.item.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 90,
      render: (_: unknown, row) => (
        <a href={detailHref('/service-items', row.id)} aria-label={canEdit ? t('svc.item.editNamed', { name: row.name }) : t('svc.item.viewNamed', { name: row.name })}>
          {canEdit ? t('common.edit') : t('common.view')}
        </a>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.serviceItems')}
        description={t('svc.items.description')}
        extra={
          <>
            <ExportButton path="/api/service-items" query={list.filters} baseName={t('svc.items.exportName')} />
            {canEdit ? (
              <Button icon={<UploadOutlined aria-hidden="true" />} onClick={() => setImporting(true)}>
                {t('svc.import.button')}
              </Button>
            ) : null}
            {canEdit ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('svc.items.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={filterForm}
          name="items-filter"
          layout="inline"
          onFinish={(values) => list.setFilters({ q: values.q?.trim() || undefined, status: values.status, itemType: values.itemType, theme: values.theme })}
          style={{ rowGap: 12 }}
        >
          <Form.Item label={t('svc.filter.keyword')} name="q">
            <Input allowClear style={{ width: 220 }} placeholder={t('svc.items.keywordPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('svc.item.status')} name="status">
            <Select allowClear style={{ width: 130 }} placeholder={t('common.all')} options={ITEM_STATUSES.map((s) => ({ value: s, label: t(`svc.itemStatus.${s}`) }))} />
          </Form.Item>
          <Form.Item label={t('svc.item.itemType')} name="itemType">
            <Select allowClear style={{ width: 170 }} placeholder={t('common.all')} options={ITEM_TYPE_CODES.map((code) => ({ value: code, label: t(`svc.itemType.${code}`) }))} />
          </Form.Item>
          <Form.Item label={t('svc.item.theme')} name="theme">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 170 }}
              placeholder={t('common.all')}
              options={[
                { label: t('svc.audience.person'), options: THEMES.filter((x) => x.audience === 'person').map((x) => ({ value: x.code, label: t(themeKey(x.code)) })) },
                { label: t('svc.audience.company'), options: THEMES.filter((x) => x.audience === 'company').map((x) => ({ value: x.code, label: t(themeKey(x.code)) })) },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden="true" />}>
                {t('common.search')}
              </Button>
              <Button
                onClick={() => {
                  filterForm.resetFields();
                  list.setFilters({});
                }}
              >
                {t('common.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<ItemSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={{ x: 1230 }}
        />
      </Card>
      {canEdit ? <CreateItemModal open={creating} onClose={() => setCreating(false)} /> : null}
      {canEdit ? <ImportItemsModal open={importing} onClose={() => setImporting(false)} onImported={list.reload} /> : null}
    </>
  );
}
