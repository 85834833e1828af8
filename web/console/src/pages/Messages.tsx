// 我的消息: GET /api/messages (paged), POST /api/messages/:id/read.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Pagination, Segmented, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import type { InboxMessage, MessagesResponse } from '../types.ts';
import { MESSAGES_CHANGED } from '../events.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';

const PAGE_SIZE = 20;

export default function MessagesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const inbox = useLoad(() => api.get<MessagesResponse>('/api/messages', { page, pageSize: PAGE_SIZE }), [page]);
  const [busyId, setBusyId] = useState<string | null>(null);

  useEffect(() => {
    if (inbox.data) window.dispatchEvent(new Event(MESSAGES_CHANGED));
  }, [inbox.data]);

  const markRead = async (item: InboxMessage) => {
    setBusyId(item.id);
    try {
      await api.post(`/api/messages/${encodeURIComponent(item.id)}/read`);
      inbox.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusyId(null);
    }
  };

  const items = (inbox.data?.items ?? []).filter((item) => show === 'all' || !item.readAt);

  return (
    <>
      <PageHeader
        title={t('nav.messages')}
        description={inbox.data ? t('messages.summary', { total: inbox.data.total, unread: inbox.data.unread }) : undefined}
        extra={
          <Segmented<'all' | 'unread'>
            aria-label={t('messages.show')}
            value={show}
            onChange={setShow}
            options={[
              { value: 'all', label: t('messages.all') },
              { value: 'unread', label: t('messages.unreadOnly') },
            ]}
          />
        }
      />
      {inbox.error ? <Alert type="error" showIcon title={errorText(inbox.error)} style={{ marginBottom: 16 }} /> : null}
      {inbox.loading && !inbox.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <Empty description={show === 'unread' ? t('messages.noneUnread') : t('messages.none')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {items.map((item) => (
            <Card key={item.id} size="small" className={item.readAt ? undefined : 'zt-message-unread'}>
              <article aria-labelledby={`msg-${item.id}`}>
                <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
                  <h2 id={`msg-${item.id}`} style={{ fontSize: 15, margin: 0, flex: 1, fontWeight: item.readAt ? 500 : 700 }}>
                    {item.title}
                  </h2>
                  {item.readAt ? <StatusTag tone="neutral">{t('messages.read')}</StatusTag> : <StatusTag tone="info">{t('messages.unread')}</StatusTag>}
                  <span style={{ color: '#4b5563', fontSize: 13 }}>{formatDateTime(item.createdAt)}</span>
                  {!item.readAt ? (
                    <Button size="small" icon={<CheckOutlined aria-hidden="true" />} loading={busyId === item.id} onClick={() => void markRead(item)}>
                      {t('messages.markRead')}
                    </Button>
                  ) : null}
                </div>
                <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>{item.body}</Typography.Paragraph>
                {item.link && item.link.startsWith('/') ? (
                  <a href={`#${item.link}`} aria-label={`${t('messages.openLink')}：${item.title}`}>
                    {t('messages.openLink')}
                  </a>
                ) : null}
              </article>
            </Card>
          ))}
        </Space>
      )}
      {inbox.data && inbox.data.total > PAGE_SIZE ? (
        <Pagination style={{ marginTop: 16, textAlign: 'right' }} current={page} pageSize={PAGE_SIZE} total={inbox.data.total} onChange={setPage} showSizeChanger={false} />
      ) : null}
    </>
  );
}
