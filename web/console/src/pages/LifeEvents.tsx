// 一件事: GET /api/life-events — every life event with its items in order; the service-hall office (whom the
// answer's `can.manage` names) creates, edits and deletes them (DELETE /api/life-events/:id keeps the items).
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';
import LifeEventFormModal from '../components/services/LifeEventFormModal.tsx';
import { ItemStatusTag } from '../services/tags.tsx';
import type { LifeEvent } from '../services/types.ts';

export default function LifeEventsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const loaded = useLoad(() => api.get<{ items: LifeEvent[]; can: { manage: boolean } }>('/api/life-events'), []);
  const [editing, setEditing] = useState<LifeEvent | 'new' | null>(null);
  const events = loaded.data?.items ?? [];
  const canManage = loaded.data?.can.manage ?? false;

  const remove = (event: LifeEvent) => {
    modal.confirm({
      title: t('svc.life.deleteTitle', { name: event.name }),
      content: t('svc.life.deleteContent'),
      okText: t('svc.life.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.delete(`/api/life-events/${encodeURIComponent(event.id)}`);
          message.success(t('svc.life.deleted', { name: event.name }));
          loaded.reload();
        } catch (caught) {
          message.error(errorText(caught));
        }
      },
    });
  };

  const columns: ColumnsType<LifeEvent> = [
    {
      title: t('svc.life.name'),
      dataIndex: 'name',
      width: 220,
      render: (name: string, row) => (
        <div>
          <strong style={{ fontWeight: 500 }}>{name}</strong>
          {row.nameEn ? <div lang="en" style={{ fontSize: 12, color: '#4b5563' }}>{row.nameEn}</div> : null}
          <div style={{ fontSize: 12, color: '#4b5563' }}>
            <code>{row.code}</code>
          </div>
        </div>
      ),
    },
    { title: t('svc.life.audience'), dataIndex: 'audience', width: 90, render: (audience: LifeEvent['audience']) => t(`svc.audience.${audience}`) },
    {
      title: t('svc.life.items'),
      key: 'items',
      render: (_: unknown, row) =>
        row.items.length === 0 ? (
          <span style={{ color: '#4b5563' }}>{t('svc.life.noItems')}</span>
        ) : (
          <ol className="zt-life-event-items" aria-label={t('svc.life.itemsOf', { name: row.name })}>
            {row.items.map((item) => (
              <li key={item.id}>
                <a href={detailHref('/service-items', item.id)}>{item.name}</a>
                <span style={{ color: '#4b5563' }}>（{item.unitName}）</span>
                {item.status !== 'published' ? <ItemStatusTag status={item.status} /> : null}
              </li>
            ))}
          </ol>
        ),
    },
    { title: t('svc.life.sortOrder'), dataIndex: 'sortOrder', width: 70, align: 'right' },
    { title: t('svc.life.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (value: string) => formatDateTime(value) },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, row: LifeEvent) => (
              <Space size={0}>
                <Button type="link" style={{ padding: '0 8px 0 0' }} icon={<EditOutlined aria-hidden="true" />} aria-label={t('svc.life.editNamed', { name: row.name })} onClick={() => setEditing(row)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" danger style={{ padding: 0 }} icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('svc.life.deleteNamed', { name: row.name })} onClick={() => remove(row)}>
                  {t('svc.life.delete')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.lifeEvents')}
        description={
          <>
            {t('svc.life.description')}{' '}
            <a href="/services" target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>
              {t('svc.life.publicLink')}
              <ExportOutlined aria-hidden="true" style={{ marginInlineStart: 4 }} />
              <span className="zt-visually-hidden">{t('svc.ext.apiDocsHint')}</span>
            </a>
          </>
        }
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('svc.life.create')}
            </Button>
          ) : null
        }
      />
      {loaded.data && !canManage ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('svc.life.readOnly')} /> : null}
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} /> : null}
      <Card>
        <Table<LifeEvent> rowKey="id" size="middle" columns={columns} dataSource={events} loading={loaded.loading} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: t('svc.life.empty') }} />
      </Card>
      {canManage ? (
        <LifeEventFormModal
          editing={editing}
          existing={events}
          onClose={() => setEditing(null)}
          onSaved={({ name }) => {
            setEditing(null);
            message.success(t('svc.life.saved', { name }));
            loaded.reload();
          }}
        />
      ) : null}
    </>
  );
}
