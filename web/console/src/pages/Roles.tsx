// 角色权限: roles (GET /api/roles), permissions (GET /api/permissions), create / edit; built-in roles read-only.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Drawer, Form, Input, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import type { Permission, Role } from '../types.ts';
import PageHeader from '../components/PageHeader.tsx';
import PermissionPicker from '../components/PermissionPicker.tsx';
import StatusTag from '../components/StatusTag.tsx';

interface Values {
  code: string;
  name: string;
  nameEn?: string;
  permissions: string[];
}

type Target = { mode: 'create' } | { mode: 'edit'; role: Role };

export default function RolesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const roles = useLoad(() => api.get<{ items: Role[] }>('/api/roles').then((r) => r.items), []);
  const permissions = useLoad(() => api.get<{ items: Permission[] }>('/api/permissions').then((r) => r.items), []);
  const [target, setTarget] = useState<Target | null>(null);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const role = target?.mode === 'edit' ? target.role : null;
  const readOnly = Boolean(role?.builtin);

  useEffect(() => {
    if (target) setError(null);
  }, [target]);
  const initialValues = useMemo<Partial<Values>>(() => {
    if (target?.mode !== 'edit') return { permissions: [] };
    const { role: r } = target;
    return { code: r.code, name: r.name, nameEn: r.nameEn ?? '', permissions: r.permissions };
  }, [target]);

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    const nameEn = values.nameEn?.trim() || undefined;
    try {
      if (!role) {
        await api.post('/api/roles', { code: values.code.trim(), name: values.name.trim(), nameEn, permissions: values.permissions ?? [] });
      } else {
        await api.patch(`/api/roles/${encodeURIComponent(role.id)}`, { name: values.name.trim(), nameEn, permissions: values.permissions ?? [] });
      }
      message.success(t('common.saved'));
      setTarget(null);
      roles.reload();
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<Role> = [
    { title: t('roles.code'), dataIndex: 'code', width: 200, render: (v: string) => <code>{v}</code> },
    { title: t('roles.name'), dataIndex: 'name', render: (_: unknown, r) => (lang === 'en' && r.nameEn ? r.nameEn : r.name) },
    {
      title: t('roles.type'),
      dataIndex: 'builtin',
      width: 120,
      render: (builtin: boolean) => (builtin ? <StatusTag tone="neutral">{t('roles.builtin')}</StatusTag> : <StatusTag tone="info">{t('roles.custom')}</StatusTag>),
    },
    {
      title: t('roles.adminRole'),
      dataIndex: 'adminRole',
      width: 130,
      render: (v: Role['adminRole']) => (v ? <StatusTag tone="warning">{t(`adminRole.${v}`)}</StatusTag> : '—'),
    },
    { title: t('roles.permissionCount'), dataIndex: 'permissions', width: 110, render: (p: string[]) => p.length },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, r) => (
        <Button type="link" size="small" icon={r.builtin ? <EyeOutlined aria-hidden="true" /> : <EditOutlined aria-hidden="true" />} onClick={() => setTarget({ mode: 'edit', role: r })}>
          {r.builtin ? t('common.view') : t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.roles')}
        description={t('roles.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setTarget({ mode: 'create' })}>
            {t('roles.create')}
          </Button>
        }
      />
      {roles.error ? <Alert type="error" showIcon title={errorText(roles.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<Role> rowKey="id" size="middle" columns={columns} dataSource={roles.data ?? []} loading={roles.loading} pagination={false} />
      </Card>
      <Drawer
        open={target !== null}
        size={720}
        title={!role ? t('roles.createTitle') : readOnly ? t('roles.viewTitle', { name: role.name }) : t('roles.editTitle', { name: role.name })}
        onClose={() => setTarget(null)}
        destroyOnHidden
        extra={
          <Space>
            <Button onClick={() => setTarget(null)}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
            {!readOnly ? (
              <Button type="primary" loading={busy} onClick={() => form.submit()}>
                {t('common.save')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {readOnly ? <Alert type="info" showIcon title={t('roles.builtinReadOnly')} style={{ marginBottom: 16 }} /> : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        {permissions.error ? <Alert type="error" showIcon title={errorText(permissions.error)} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} name="role" layout="vertical" onFinish={save} disabled={readOnly} initialValues={initialValues}>
          <Form.Item
            label={t('roles.code')}
            name="code"
            extra={role ? undefined : t('roles.codeHint')}
            rules={[
              { required: true, message: t('roles.codeRequired') },
              { pattern: /^[a-z][a-z0-9_.-]{1,63}$/, message: t('roles.codeInvalid') },
            ]}
          >
            <Input disabled={Boolean(role)} maxLength={64} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item label={t('roles.nameZh')} name="name" style={{ flex: 1, minWidth: 200 }} rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item label={t('roles.nameEn')} name="nameEn" style={{ flex: 1, minWidth: 200 }}>
              <Input maxLength={64} lang="en" />
            </Form.Item>
          </div>
          <Form.Item label={t('roles.permissions')} name="permissions">
            <PermissionPicker permissions={permissions.data ?? []} disabled={readOnly} />
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
