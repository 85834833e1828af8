// The division/unit list from GET /api/org/tree, cached for the session, and tree building.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { OrgUnit } from '../types.ts';

let cache: Promise<OrgUnit[]> | null = null;

export function loadOrgUnits(force = false): Promise<OrgUnit[]> {
  if (!cache || force) {
    cache = api.get<{ items: OrgUnit[] }>('/api/org/tree').then((r) => r.items);
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

export function invalidateOrgUnits(): void {
  cache = null;
}

export function useOrgUnits(): { units: OrgUnit[]; loading: boolean; error: Error | null } {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    loadOrgUnits()
      .then((items) => live && setUnits(items))
      .catch((caught: unknown) => live && setError(caught instanceof Error ? caught : new Error(String(caught))))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);
  return { units, loading, error };
}

export interface UnitNode {
  unit: OrgUnit;
  children: UnitNode[];
}

/** Builds a forest from the flat list; units whose parent is missing become roots. Sorted by sortOrder, then name. */
export function buildUnitTree(units: OrgUnit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
