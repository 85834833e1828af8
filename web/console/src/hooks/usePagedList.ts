// Server-paged list state for an antd Table: filters, page, pageSize → GET path?…, plus reload.
import { useCallback, useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { api, type Query } from '../api.ts';
import { useI18n } from '../i18n.ts';
import type { Paged } from '../types.ts';

export interface PagedList<T, F extends Query> {
  items: T[];
  total: number;
  loading: boolean;
  error: Error | null;
  filters: F;
  setFilters: (filters: F) => void;
  reload: () => void;
  pagination: TablePaginationConfig;
  onTableChange: (pagination: TablePaginationConfig) => void;
  /** The last page as the server sent it (for list-specific fields beside items and total). */
  response: (Paged<T> & Record<string, unknown>) | null;
}

export function usePagedList<T, F extends Query>(path: string, initialFilters: F, initialPageSize = 20): PagedList<T, F> {
  const { t } = useI18n();
  const [query, setQuery] = useState({ filters: initialFilters, page: 1, pageSize: initialPageSize });
  const [nonce, setNonce] = useState(0);
  const [data, setData] = useState<(Paged<T> & Record<string, unknown>) | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .get<Paged<T> & Record<string, unknown>>(path, { ...query.filters, page: query.page, pageSize: query.pageSize })
      .then((result) => {
        if (!live) return;
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => {
        if (live) setError(caught instanceof Error ? caught : new Error(String(caught)));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [path, query, nonce]);

  const setFilters = useCallback((filters: F) => setQuery((q) => ({ ...q, filters, page: 1 })), []);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const onTableChange = useCallback((pagination: TablePaginationConfig) => {
    setQuery((q) => ({
      ...q,
      page: pagination.pageSize !== q.pageSize ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? q.pageSize,
    }));
  }, []);

  return {
    items: data?.items ?? [],
    total: data?.total ?? 0,
    loading,
    error,
    filters: query.filters,
    setFilters,
    reload,
    onTableChange,
    response: data,
    pagination: {
      current: query.page,
      pageSize: query.pageSize,
      total: data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) => t('common.totalItems', { n: total }),
    },
  };
}
