// 差评整改: GET /api/rectifications?status=open|done — the unit's queue of bad ratings, with the due date and
// progress of each; a row opens the drawer where the call-back is recorded and the rectification closed.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Space, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDate, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { detailHref } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import RectificationDrawer from '../components/services/RectificationDrawer.tsx';
import { RatingTag, RectificationProgress } from '../components/services/RectificationTags.tsx';
import type { Rectification } from '../services/hallTools.ts';
import type { Paged } from '../types.ts';

type Status = 'open' | 'done';

export default function RectificationsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>('open');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList<Rectification, { status: Status }>('/api/rectifications', { status: 'open' });
  const openCount = useLoad(() => api.get<Paged<Rectification>>('/api/rectifications', { status: 'open', pageSize: 1 }).then((page) => page.total), []);

  const refresh = () => {
    list.reload();
    openCount.reload();
  };

  const columns: ColumnsType<Rectification> = [
    { title: t('svc.rect.level'), dataIndex: 'level', width: 110, fixed: 'left', render: (level: string, row) => <RatingTag level={level} fallback={row.levelName} /> },
    {
      title: t('svc.case.caseNumber'),
      dataIndex: 'caseNumber',
      width: 230,
      render: (number: string, row) => (
        <div style={{ lineHeight: 1.5 }}>
          <a href={detailHref('/cases', row.caseId)} className="zt-case-number">
            {number}
          </a>
          <div className="zt-cell-note" title={row.itemName}>
            {row.itemName}
          </div>
        </div>
      ),
    },
    { title: t('svc.case.applicant'), dataIndex: 'applicantName', width: 90, ellipsis: true },
    {
      title: t('svc.rect.comment'),
      dataIndex: 'comment',
      width: 260,
      render: (comment: string, row) => (
        <div style={{ lineHeight: 1.5 }}>
          <div className="zt-cell-clamp" title={comment}>
            {comment || <span style={{ color: '#4b5563' }}>{t('svc.rect.noComment')}</span>}
          </div>
          <div className="zt-cell-note">
            {t('svc.rect.ratedAt')} {formatDateTime(row.ratedAt)}
          </div>
        </div>
      ),
    },
    status === 'open'
      ? {
          title: t('svc.rect.dueOn'),
          dataIndex: 'dueOn',
          width: 160,
          render: (due: string, row) => (
            <Space size={4}>
              <span style={row.overdue ? { color: '#991b1b', fontWeight: 600 } : undefined}>{formatDate(due)}</span>
              {row.overdue ? <StatusTag tone="danger">{t('svc.rect.overdue')}</StatusTag> : null}
            </Space>
          ),
        }
      : { title: t('svc.rect.closedAt'), dataIndex: 'closedAt', width: 170, render: (value: string | null) => formatDateTime(value) },
    { title: t('svc.rect.progress'), key: 'progress', width: 140, render: (_: unknown, row) => <RectificationProgress record={row} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 80,
      render: (_: unknown, row) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => setOpenId(row.id)}
          aria-label={row.status === 'open' ? t('svc.rect.handleNamed', { number: row.caseNumber }) : t('svc.rect.viewNamed', { number: row.caseNumber })}
        >
          {row.status === 'open' ? t('svc.rect.handle') : t('common.view')}
        </Button>
      ),
    },
  ];

  const table = (
    <Table<Rectification>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.items}
      loading={list.loading}
      pagination={list.pagination}
      onChange={list.onTableChange}
      scroll={list.items.length > 0 ? { x: 1080 } : undefined}
      rowClassName={(row) => (row.overdue ? 'zt-rect-overdue' : '')}
      locale={{ emptyText: <span className="zt-empty-text">{status === 'open' ? t('svc.rect.emptyOpen') : t('svc.rect.emptyDone')}</span> }}
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.rectifications')}
        description={t('svc.rect.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={refresh}>
            {t('common.refresh')}
          </Button>
        }
      />
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Tabs
          activeKey={status}
          aria-label={t('svc.rect.tabs')}
          onChange={(key) => {
            const next = key as Status;
            setStatus(next);
            list.setFilters({ status: next });
          }}
          items={[
            {
              key: 'open',
              label: (
                <Space size={6}>
                  {t('svc.rect.tab.open')}
                  {openCount.data ? <Badge count={openCount.data} overflowCount={999} color="#b91c1c" /> : null}
                </Space>
              ),
              children: status === 'open' ? table : null,
            },
            { key: 'done', label: t('svc.rect.tab.done'), children: status === 'done' ? table : null },
          ]}
        />
      </Card>
      <RectificationDrawer id={openId} onClose={() => setOpenId(null)} onChanged={refresh} />
    </>
  );
}
