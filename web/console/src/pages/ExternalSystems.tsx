// 系统对接: GET /api/external-systems — the department systems that push cases through the intake API;
// POST /api/external-systems registers one and answers with its credential, shown here exactly once;
// POST /api/external-systems/:id/disable stops a credential for good.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleOutlined, CopyOutlined, ExportOutlined, PlusOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { applyIssues, errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import UnitTreeSelect from '../components/UnitTreeSelect.tsx';
import type { ExternalSystem } from '../services/hallTools.ts';

interface Registered {
  system: ExternalSystem;
  credential: string;
}

function CredentialView({ registered }: { registered: Registered }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const code = useRef<HTMLElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(registered.credential);
      message.success(t('svc.ext.copied'));
    } catch {
      const selection = window.getSelection();
      if (code.current && selection) {
        const range = document.createRange();
        range.selectNodeContents(code.current);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      message.warning(t('svc.ext.copyFailed'));
    }
  };
  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined aria-hidden="true" />}
        title={<strong>{t('svc.ext.credentialWarning')}</strong>}
        description={t('svc.ext.credentialWarningText')}
        style={{ marginBottom: 16 }}
      />
      <p id="credential-label" style={{ margin: '0 0 6px', fontWeight: 500 }}>
        {t('svc.ext.credential')}
      </p>
      <code ref={code} className="zt-credential" aria-labelledby="credential-label" data-credential>
        {registered.credential}
      </code>
      <Button icon={<CopyOutlined aria-hidden="true" />} onClick={() => void copy()} style={{ marginTop: 12 }}>
        {t('svc.ext.copy')}
      </Button>
    </>
  );
}

function RegisterModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ name: string; unitId: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);

  const close = () => {
    setRegistered(null);
    setError(null);
    onClose();
  };

  const register = async (values: { name: string; unitId: string }) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<Registered>('/api/external-systems', { name: values.name.trim(), unitId: values.unitId });
      setRegistered(created);
      onRegistered();
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
      title={registered ? t('svc.ext.credentialTitle', { name: registered.system.name }) : t('svc.ext.register')}
      onCancel={close}
      destroyOnHidden
      width={620}
      maskClosable={!registered}
      keyboard={!registered}
      footer={
        registered ? (
          <Button type="primary" icon={<CheckCircleOutlined aria-hidden="true" />} onClick={close}>
            {t('svc.ext.credentialDone')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              {t('svc.ext.registerOk')}
            </Button>
          </Space>
        )
      }
    >
      {registered ? (
        <CredentialView registered={registered} />
      ) : (
        <Form form={form} name="external-system" layout="vertical" onFinish={register} requiredMark>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
          <Form.Item label={t('svc.ext.name')} name="name" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('svc.ext.nameRequired') }]}>
            <Input maxLength={60} placeholder={t('svc.ext.namePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('svc.ext.unit')} name="unitId" extra={t('svc.ext.unitHint')} rules={[{ required: true, message: t('svc.ext.unitRequired') }]}>
            <UnitTreeSelect />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

export default function ExternalSystemsPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const loaded = useLoad(() => api.get<{ items: ExternalSystem[] }>('/api/external-systems').then((r) => r.items), []);
  const [registering, setRegistering] = useState(false);

  const disable = (system: ExternalSystem) => {
    modal.confirm({
      title: t('svc.ext.disableTitle', { name: system.name }),
      content: t('svc.ext.disableContent'),
      okText: t('svc.ext.disableOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.post(`/api/external-systems/${encodeURIComponent(system.id)}/disable`);
          message.success(t('svc.ext.disabledMsg', { name: system.name }));
          loaded.reload();
        } catch (caught) {
          message.error(errorText(caught));
        }
      },
    });
  };

  const columns: ColumnsType<ExternalSystem> = [
    { title: t('svc.ext.name'), dataIndex: 'name', width: 220, render: (name: string) => <strong style={{ fontWeight: 500 }}>{name}</strong> },
    { title: t('svc.ext.unit'), dataIndex: 'unitName', width: 200, ellipsis: true },
    { title: t('svc.ext.prefix'), dataIndex: 'credentialPrefix', width: 170, render: (prefix: string) => <code>{`zt_${prefix}_…`}</code> },
    {
      title: t('svc.ext.status'),
      dataIndex: 'status',
      width: 100,
      render: (status: ExternalSystem['status']) => (status === 'active' ? <StatusTag tone="success">{t('svc.ext.active')}</StatusTag> : <StatusTag tone="neutral">{t('svc.ext.disabled')}</StatusTag>),
    },
    { title: t('svc.ext.createdAt'), dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
    { title: t('svc.ext.lastUsed'), dataIndex: 'lastUsedAt', width: 170, render: (value: string | null) => (value ? formatDateTime(value) : <span style={{ color: '#4b5563' }}>{t('svc.ext.neverUsed')}</span>) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, row) =>
        row.status === 'active' ? (
          <Button type="link" danger style={{ padding: 0 }} icon={<StopOutlined aria-hidden="true" />} aria-label={t('svc.ext.disableNamed', { name: row.name })} onClick={() => disable(row)}>
            {t('svc.ext.disable')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.externalSystems')}
        description={
          <>
            {t('svc.ext.description')}{' '}
            <a href="/api/docs" target="_blank" rel="noopener noreferrer" style={{ textDecoration: 'underline' }}>
              {t('svc.ext.apiDocs')}
              <ExportOutlined aria-hidden="true" style={{ marginInlineStart: 4 }} />
              <span className="zt-visually-hidden">{t('svc.ext.apiDocsHint')}</span>
            </a>
          </>
        }
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setRegistering(true)}>
            {t('svc.ext.register')}
          </Button>
        }
      />
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Table<ExternalSystem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={loaded.data ?? []}
          loading={loaded.loading}
          pagination={false}
          scroll={(loaded.data ?? []).length > 0 ? { x: 1130 } : undefined}
          locale={{ emptyText: <span className="zt-empty-text">{t('svc.ext.empty')}</span> }}
        />
      </Card>
      <RegisterModal open={registering} onClose={() => setRegistering(false)} onRegistered={loaded.reload} />
    </>
  );
}
