// Create (POST /api/users) or edit (PATCH /api/users/:id + PUT /api/users/:id/roles) a user, with role + scope rows.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { ROLE_SCOPES, type Role, type RoleScope, type UserRow } from '../types.ts';
import { PasswordWithGenerator, generatePassword } from './ResetPasswordModal.tsx';
import UnitTreeSelect from './UnitTreeSelect.tsx';

interface Values {
  username: string;
  displayName: string;
  unitId: string;
  phone?: string;
  email?: string;
  initialPassword: string;
  roles: { roleId?: string; scope?: RoleScope }[];
}

export type UserDrawerTarget = { mode: 'create' } | { mode: 'edit'; user: UserRow };

function sameRoles(a: { roleId: string; scope: string }[], b: { roleId: string; scope: string }[]): boolean {
  const key = (list: { roleId: string; scope: string }[]) => list.map((r) => `${r.roleId}:${r.scope}`).sort().join('|');
  return key(a) === key(b);
}

export default function UserDrawer({ target, onClose, onSaved }: { target: UserDrawerTarget | null; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roles = useLoad(() => api.get<{ items: Role[] }>('/api/roles').then((r) => r.items), []);
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (target) setError(null);
  }, [target]);
  const initialValues = useMemo<Partial<Values>>(() => {
    if (!target) return {};
    if (target.mode === 'create') return { initialPassword: generatePassword(), roles: [{ scope: 'unit' }] };
    const { user } = target;
    return {
      username: user.username,
      displayName: user.displayName,
      unitId: user.unitId ?? undefined,
      phone: '',
      email: user.email ?? '',
      roles: user.roles.map((r) => ({ roleId: r.roleId, scope: r.scope })),
    };
  }, [target]);

  const save = async (values: Values) => {
    setBusy(true);
    setError(null);
    const roleList = (values.roles ?? [])
      .filter((r): r is { roleId: string; scope: RoleScope } => Boolean(r.roleId && r.scope))
      .map((r) => ({ roleId: r.roleId, scope: r.scope }));
    const phone = values.phone?.trim() || undefined;
    const email = values.email?.trim() || undefined;
    try {
      if (!editing) {
        await api.post('/api/users', {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          unitId: values.unitId,
          phone,
          email,
          initialPassword: values.initialPassword,
          roles: roleList,
        });
      } else {
        const patch: Record<string, unknown> = {};
        if (values.displayName.trim() !== editing.displayName) patch.displayName = values.displayName.trim();
        if (values.unitId !== editing.unitId) patch.unitId = values.unitId;
        if (phone) patch.phone = phone;
        if ((email ?? null) !== (editing.email ?? null)) patch.email = email ?? null;
        if (Object.keys(patch).length > 0) await api.patch(`/api/users/${encodeURIComponent(editing.id)}`, patch);
        if (!sameRoles(roleList, editing.roles)) await api.put(`/api/users/${encodeURIComponent(editing.id)}/roles`, { roles: roleList });
      }
      onSaved();
    } catch (caught) {
      applyIssues(form, caught);
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  const roleOptions = (roles.data ?? []).map((role) => ({ value: role.id, label: lang === 'en' && role.nameEn ? role.nameEn : role.name }));
  const scopeOptions = ROLE_SCOPES.map((scope) => ({ value: scope, label: t(`scope.${scope}`) }));

  return (
    <Drawer
      open={target !== null}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      size={560}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} name="user" layout="vertical" onFinish={save} initialValues={initialValues}>
        <Form.Item
          label={t('users.username')}
          name="username"
          extra={editing ? t('users.usernameFixed') : t('users.usernameHint')}
          rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }, { max: 64 }]}
        >
          <Input disabled={Boolean(editing)} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label={t('users.displayName')} name="displayName" rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }, { max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t('users.unit')} name="unitId" rules={[{ required: true, message: t('users.unitRequired') }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              label={t('users.phone')}
              name="phone"
              extra={editing?.phone ? t('users.phoneKeep', { phone: editing.phone }) : undefined}
              rules={[{ pattern: /^\+?[0-9\s-]{5,20}$/, message: t('users.phoneInvalid') }]}
            >
              <Input inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('users.email')} name="email" rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        {!editing ? (
          <Form.Item
            label={t('users.initialPassword')}
            name="initialPassword"
            extra={t('users.initialPasswordHint')}
            rules={[{ required: true, message: t('users.initialPasswordRequired') }]}
          >
            <PasswordWithGenerator />
          </Form.Item>
        ) : null}

        <h2 style={{ fontSize: 15, margin: '8px 0 8px' }}>{t('users.rolesTitle')}</h2>
        {roles.error ? <Alert type="warning" showIcon title={t('users.rolesLoadFailed', { reason: errorText(roles.error) })} style={{ marginBottom: 12 }} /> : null}
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} align="bottom" wrap={false}>
                  <Col flex="auto">
                    <Form.Item label={t('users.roleN', { n: index + 1 })} name={[field.name, 'roleId']} rules={[{ required: true, message: t('users.roleRequired') }]}>
                      <Select options={roleOptions} loading={roles.loading} showSearch={{ optionFilterProp: 'label' }} />
                    </Form.Item>
                  </Col>
                  <Col flex="180px">
                    <Form.Item label={t('users.scope')} name={[field.name, 'scope']} rules={[{ required: true, message: t('users.scopeRequired') }]}>
                      <Select options={scopeOptions} />
                    </Form.Item>
                  </Col>
                  <Col flex="none">
                    <Form.Item>
                      <Button icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('users.removeRoleN', { n: index + 1 })} onClick={() => remove(field.name)} danger />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden="true" />} onClick={() => add({ scope: 'unit' })} block>
                {t('users.addRole')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
