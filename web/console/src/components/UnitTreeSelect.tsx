// A TreeSelect of divisions/units (for filters and user forms). Pass id/value/onChange from Form.Item.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { buildUnitTree, useOrgUnits, type UnitNode } from '../hooks/useOrgTree.ts';
import { useI18n } from '../i18n.ts';

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

function toOptions(nodes: UnitNode[]): TreeOption[] {
  return nodes.map((node) => ({ value: node.unit.id, title: node.unit.name, children: toOptions(node.children) }));
}

export default function UnitTreeSelect(props: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  style?: React.CSSProperties;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { t } = useI18n();
  const { units, loading, error } = useOrgUnits();
  const treeData = useMemo(() => toOptions(buildUnitTree(units)), [units]);
  return (
    <TreeSelect
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(value) => props.onChange?.(value ?? undefined)}
      allowClear={props.allowClear}
      style={props.style}
      loading={loading}
      status={error ? 'error' : undefined}
      placeholder={error ? t('org.loadFailed') : (props.placeholder ?? t('common.selectUnit'))}
      treeData={treeData}
      treeDefaultExpandAll={units.length < 60}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}
