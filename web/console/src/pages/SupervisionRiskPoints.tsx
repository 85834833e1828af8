// 廉政风险点: GET /api/supervision/risk-points?itemId — the integrity risk register of one service item (picked
// like the rules page's override picker) or of every item, with each point's step, type, level, description and
// control measures. Rule managers add, edit and delete points (RiskPointModal); everyone else reads them.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useScrollRegion } from '../hooks/useScrollRegion.ts';
import { useI18n } from '../i18n.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import { ItemPicker } from '../supervision/RuleSettingsModal.tsx';
import { RiskLevelTag, RiskPointModal, riskTypeLabel, type RiskEdit } from '../supervision/riskPoints.tsx';
import type { RiskPoint } from '../supervision/types.ts';
import '../supervision/supervision.css';

export default function SupervisionRiskPointsPage() {
  const { t } = useI18n();
  const scrollRegion = useScrollRegion(t('nav.supRiskPoints'));
  const { message } = App.useApp();
  const manages = useCan('supervision.rules.manage');
  const [itemId, setItemId] = useState<string | undefined>(undefined);
  const [edit, setEdit] = useState<RiskEdit | null>(null);
  const loaded = useLoad(() => api.get<{ items: RiskPoint[] }>('/api/supervision/risk-points', { itemId }).then((result) => result.items), [itemId]);
  const points = loaded.data ?? [];

  const remove = async (point: RiskPoint) => {
    try {
      await api.delete(`/api/supervision/risk-points/${encodeURIComponent(point.id)}`);
      message.success(t('sup.risk.deleted'));
      loaded.reload();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  const columns: ColumnsType<RiskPoint> = [
    ...(itemId ? [] : [{ title: t('sup.rules.item'), dataIndex: 'itemName', width: 200 }]),
    { title: t('sup.risk.step'), key: 'step', width: 120, render: (_: unknown, point: RiskPoint) => point.stepName ?? point.stepKey },
    {
      title: t('sup.risk.name'),
      key: 'name',
      width: 260,
      render: (_: unknown, point: RiskPoint) => (
        <div style={{ lineHeight: 1.5 }}>
          <div style={{ fontWeight: 600 }}>{point.name}</div>
          <div className="zt-cell-note">{riskTypeLabel(t, point)}</div>
        </div>
      ),
    },
    { title: t('sup.risk.levelLabel'), dataIndex: 'level', width: 80, render: (level: string) => <RiskLevelTag level={level} /> },
    { title: t('sup.risk.description'), dataIndex: 'description', width: 260, render: (text: string) => <div className="zt-risk-cell">{text}</div> },
    { title: t('sup.risk.controlMeasures'), dataIndex: 'controlMeasures', width: 260, render: (text: string) => <div className="zt-risk-cell">{text}</div> },
    { title: t('sup.risk.secondApproverShort'), dataIndex: 'requiresSecondApprover', width: 110, render: (value: boolean) => (value ? <StatusTag tone="warning">{t('sup.risk.yes')}</StatusTag> : <span className="zt-cell-note">{t('sup.risk.no')}</span>) },
    { title: t('sup.rules.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (value: string) => formatDateTime(value) },
    ...(manages
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 170,
            render: (_: unknown, point: RiskPoint) => (
              <Space size={4}>
                <Button size="small" icon={<EditOutlined aria-hidden="true" />} aria-label={t('sup.risk.editNamed', { name: point.name })} onClick={() => setEdit({ mode: 'edit', point })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm title={t('sup.risk.deleteConfirm')} okText={t('sup.rules.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(point)}>
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('sup.risk.deleteNamed', { name: point.name })}>
                    {t('sup.rules.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('nav.supRiskPoints')}
        description={t('sup.risk.description2')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={loaded.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="risk-item">
          <Form.Item label={t('sup.rules.itemPick')} htmlFor="risk-item-picker" style={{ minWidth: 420 }}>
            <ItemPicker id="risk-item-picker" value={itemId} onChange={(value) => setItemId(value ?? undefined)} />
          </Form.Item>
          <Form.Item>
            <Space>
              {itemId ? <Button onClick={() => setItemId(undefined)}>{t('sup.risk.allItems')}</Button> : null}
              {manages ? (
                <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} disabled={!itemId} onClick={() => itemId && setEdit({ mode: 'add', itemId })}>
                  {t('sup.risk.add')}
                </Button>
              ) : null}
            </Space>
          </Form.Item>
        </Form>
        {manages && !itemId ? <p className="zt-hint" style={{ marginBottom: 0, marginTop: 8 }}>{t('sup.risk.pickToAdd')}</p> : null}
      </Card>
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} /> : null}
      <Card title={<h2 className="zt-card-title">{t('sup.risk.register', { n: points.length })}</h2>}>
        <div ref={scrollRegion}>
        <Table<RiskPoint>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={points}
          loading={loaded.loading}
          pagination={points.length > 20 ? { pageSize: 20 } : false}
          scroll={points.length > 0 ? { x: 1400 } : undefined}
          rowClassName={(point) => (point.level === 'high' ? 'zt-risk-row-high' : '')}
          locale={{ emptyText: <span className="zt-empty-text">{t('sup.risk.empty')}</span> }}
        />
        </div>
      </Card>
      <RiskPointModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null);
          loaded.reload();
        }}
      />
    </>
  );
}
