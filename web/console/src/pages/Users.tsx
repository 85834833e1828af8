// 用户管理: paged users (GET /api/users), filters, export, create/edit drawer, disable, reset password, unlock.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, KeyOutlined, PlusOutlined, SearchOutlined, StopOutlined, CheckCircleOutlined, UnlockOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { usePagedList } from '../hooks/usePagedList.ts';
import { useI18n } from '../i18n.ts';
import { useCan, useSession } from '../session.ts';
import type { UserRow } from '../types.ts';
import ExportButton from '../components/ExportButton.tsx';
import PageHeader from '../components/PageHeader.tsx';
import ResetPasswordModal from '../components/ResetPasswordModal.tsx';
import StatusTag from '../components/StatusTag.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import UserDrawer, { type UserDrawerTarget } from '../components/UserDrawer.tsx';

type Filters = { q?: string; unitId?: string; status?: string };

function isLocked(user: UserRow): boolean {
  return Boolean(user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs()));
}

export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user: me } = useSession();
  const canManage = useCan('identity.users.manage');
  const canUnlock = useCan('security.users.unlock');
  const list = usePagedList<UserRow, Filters>('/api/users', {});
  const [filterForm] = Form.useForm<Filters>();
  const [drawer, setDrawer] = useState<UserDrawerTarget | null>(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const act = async (row: UserRow, action: () => Promise<unknown>, done: string) => {
    setBusyId(row.id);
    try {
      await action();
      message.success(done);
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusyId(null);
    }
  };

  const columns: ColumnsType<UserRow> = [
    { title: t('users.username'), dataIndex: 'username', width: 130, fixed: 'left' },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 110 },
    { title: t('users.unit'), dataIndex: 'unitName', width: 190, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 230,
      render: (roles: UserRow['roles']) =>
        roles.length === 0
          ? '—'
          : roles.map((r) => (
              <StatusTag key={`${r.roleId}-${r.scope}`} tone="info">
                {r.roleName ?? r.roleId} · {t(`scope.${r.scope}`)}
              </StatusTag>
            )),
    },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 150,
      render: (_: unknown, row) => (
        <>
          {row.status === 'active' ? <StatusTag tone="success">{t('users.status.active')}</StatusTag> : <StatusTag tone="danger">{t('users.status.disabled')}</StatusTag>}
          {isLocked(row) ? (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(row.lockedUntil) })}>
              <span>
                <StatusTag tone="warning">{t('users.locked')}</StatusTag>
              </span>
            </Tooltip>
          ) : null}
        </>
      ),
    },
    {
      title: t('users.totp'),
      dataIndex: 'totpEnabled',
      width: 110,
      render: (on: boolean) => (on ? <StatusTag tone="success">{t('common.enabled')}</StatusTag> : <StatusTag tone="neutral">{t('common.notEnabled')}</StatusTag>),
    },
    { title: t('users.phone'), dataIndex: 'phone', width: 130, render: (v: string | null) => v || '—' },
    { title: t('users.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: canManage ? 280 : 110,
      render: (_: unknown, row) => (
        <Space size={0} wrap>
          {canManage ? (
            <Button type="link" size="small" icon={<EditOutlined aria-hidden="true" />} onClick={() => setDrawer({ mode: 'edit', user: row })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {canManage && row.id !== me.id ? (
            <Popconfirm
              title={row.status === 'active' ? t('users.disableConfirm', { name: row.displayName }) : t('users.enableConfirm', { name: row.displayName })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                act(
                  row,
                  () => api.patch(`/api/users/${encodeURIComponent(row.id)}`, { status: row.status === 'active' ? 'disabled' : 'active' }),
                  row.status === 'active' ? t('users.disabled') : t('users.enabled'),
                )
              }
            >
              <Button
                type="link"
                size="small"
                danger={row.status === 'active'}
                loading={busyId === row.id}
                icon={row.status === 'active' ? <StopOutlined aria-hidden="true" /> : <CheckCircleOutlined aria-hidden="true" />}
              >
                {row.status === 'active' ? t('users.disable') : t('users.enable')}
              </Button>
            </Popconfirm>
          ) : null}
          {canManage ? (
            <Button type="link" size="small" icon={<KeyOutlined aria-hidden="true" />} onClick={() => setResetting(row)}>
              {t('users.resetPassword')}
            </Button>
          ) : null}
          {canUnlock && isLocked(row) ? (
            <Button
              type="link"
              size="small"
              icon={<UnlockOutlined aria-hidden="true" />}
              loading={busyId === row.id}
              onClick={() => act(row, () => api.post(`/api/users/${encodeURIComponent(row.id)}/unlock`), t('users.unlocked'))}
            >
              {t('users.unlock')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        description={t('users.description')}
        extra={
          <>
            <ExportButton path="/api/users" query={list.filters} baseName="users" />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setDrawer({ mode: 'create' })}>
                {t('users.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={filterForm}
          name="users-filter"
          layout="inline"
          onFinish={(values) => list.setFilters({ q: values.q?.trim() || undefined, unitId: values.unitId, status: values.status })}
          style={{ rowGap: 12 }}
        >
          <Form.Item label={t('users.filterQ')} name="q">
            <Input allowClear style={{ width: 220 }} placeholder={t('users.filterQPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('users.unit')} name="unitId">
            <UnitTreeSelect allowClear style={{ width: 220 }} placeholder={t('common.all')} />
          </Form.Item>
          <Form.Item label={t('users.status')} name="status">
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder={t('common.all')}
              options={[
                { value: 'active', label: t('users.status.active') },
                { value: 'disabled', label: t('users.status.disabled') },
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
        <Table<UserRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.items}
          loading={list.loading}
          pagination={list.pagination}
          onChange={list.onTableChange}
          scroll={{ x: 1500 }}
        />
      </Card>
      {canManage ? (
        <>
          <UserDrawer
            target={drawer}
            onClose={() => setDrawer(null)}
            onSaved={() => {
              setDrawer(null);
              message.success(t('common.saved'));
              list.reload();
            }}
          />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
        </>
      ) : null}
    </>
  );
}
