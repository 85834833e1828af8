// 组织机构: the division/unit tree (GET /api/org/tree), a detail panel, add child / edit.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Input, Row, Spin, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { errorText } from '../format.ts';
import { buildUnitTree, invalidateOrgUnits, loadOrgUnits, type UnitNode } from '../hooks/useOrgTree.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { useCan } from '../session.ts';
import type { OrgUnit } from '../types.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import UnitFormModal, { type UnitFormTarget } from '../components/UnitFormModal.tsx';

function toTreeData(nodes: UnitNode[], filter: string, kindLabel: (unit: OrgUnit) => string): DataNode[] {
  const result: DataNode[] = [];
  for (const node of nodes) {
    const children = toTreeData(node.children, filter, kindLabel);
    const matches = !filter || node.unit.name.includes(filter) || (node.unit.code ?? '').includes(filter);
    if (!matches && children.length === 0) continue;
    result.push({
      key: node.unit.id,
      title: (
        <span>
          {node.unit.name}
          <span style={{ color: '#4b5563', fontSize: 12, marginInlineStart: 6 }}>{kindLabel(node.unit)}</span>
        </span>
      ),
      children,
    });
  }
  return result;
}

export default function OrgPage() {
  const { t } = useI18n();
  const canManage = useCan('identity.org.manage');
  const units = useLoad(() => loadOrgUnits(true), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [target, setTarget] = useState<UnitFormTarget | null>(null);

  const list = units.data ?? [];
  const byId = useMemo(() => new Map(list.map((unit) => [unit.id, unit])), [list]);
  const roots = useMemo(() => buildUnitTree(list), [list]);
  const kindLabel = (unit: OrgUnit) => t(`unitKind.${unit.kind}`);
  const treeData = useMemo(() => toTreeData(roots, filter.trim(), kindLabel), [roots, filter, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const selected = (selectedId ? byId.get(selectedId) : undefined) ?? roots[0]?.unit ?? null;
  const parent = selected?.parentId ? byId.get(selected.parentId) : undefined;
  const childCount = selected ? list.filter((unit) => unit.parentId === selected.id).length : 0;
  const defaultExpanded = useMemo(() => list.filter((u) => u.kind === 'province' || u.kind === 'city' || u.kind === 'county').map((u) => u.id), [list]);

  return (
    <>
      <PageHeader
        title={t('nav.org')}
        description={t('org.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={units.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      {units.error ? <Alert type="error" showIcon title={errorText(units.error)} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('org.treeTitle')}</h2>}>
            <label htmlFor="org-filter" style={{ display: 'block', marginBottom: 4 }}>
              {t('org.filter')}
            </label>
            <Input id="org-filter" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 12 }} />
            {units.loading && !units.data ? (
              <Spin />
            ) : treeData.length === 0 ? (
              <Empty description={t('common.noData')} />
            ) : (
              <Tree
                aria-label={t('org.treeTitle')}
                treeData={treeData}
                showLine
                blockNode
                defaultExpandedKeys={defaultExpanded}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => keys[0] !== undefined && setSelectedId(String(keys[0]))}
                style={{ maxHeight: 560, overflow: 'auto' }}
                {...(filter.trim() ? { expandedKeys: list.map((u) => u.id), autoExpandParent: true } : {})}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>{selected ? selected.name : t('org.detail')}</h2>}
            extra={
              canManage && selected ? (
                <div style={{ display: 'flex', gap: 8 }}>
                  <Button icon={<PlusOutlined aria-hidden="true" />} type="primary" onClick={() => setTarget({ mode: 'create', parent: selected })}>
                    {t('org.addChild')}
                  </Button>
                  <Button icon={<EditOutlined aria-hidden="true" />} onClick={() => setTarget({ mode: 'edit', unit: selected })}>
                    {t('common.edit')}
                  </Button>
                </div>
              ) : null
            }
          >
            {selected ? (
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'kind', label: t('org.kind'), children: <StatusTag tone="info">{kindLabel(selected)}</StatusTag> },
                  { key: 'name', label: t('org.name'), children: selected.name },
                  { key: 'parent', label: t('org.parent'), children: parent?.name ?? '—' },
                  { key: 'code', label: t('org.code'), children: selected.code || '—' },
                  {
                    key: 'creditCode',
                    label: t('org.creditCode'),
                    children: selected.creditCode ? <Typography.Text copyable>{selected.creditCode}</Typography.Text> : '—',
                  },
                  { key: 'sortOrder', label: t('org.sortOrder'), children: selected.sortOrder },
                  { key: 'children', label: t('org.childCount'), children: childCount },
                  { key: 'id', label: 'ID', children: <Typography.Text code>{selected.id}</Typography.Text> },
                ]}
              />
            ) : (
              <Empty description={t('org.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <UnitFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(id) => {
          setTarget(null);
          invalidateOrgUnits();
          units.reload();
          if (id) setSelectedId(id);
        }}
      />
    </>
  );
}
