// The items of a life event as a form control (value: item ids in order): a search over the published catalogue
// (GET /api/public/service-items?q=) adds an item; each listed item moves up, down or out. The order is the order
// the public sees. Items already in the event keep showing their status, so a retired one stands out.
import { useEffect, useRef, useState } from 'react';
import { Button, Empty, Select, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n.ts';
import StatusTag from '../StatusTag.tsx';
import { ItemStatusTag } from '../../services/tags.tsx';
import type { ItemStatus, ItemSummary } from '../../services/types.ts';

/** What the list shows of an item. */
export interface BundledItem {
  id: string;
  name: string;
  unitName: string;
  status: ItemStatus;
}

const MAX_ITEMS = 30;
const SEARCH_DELAY_MS = 250;

export default function BundledItemsField({ value = [], onChange, known, id }: { value?: string[]; onChange?: (ids: string[]) => void; known: BundledItem[]; id?: string }) {
  const { t } = useI18n();
  const [details, setDetails] = useState<Map<string, BundledItem>>(() => new Map(known.map((item) => [item.id, item])));
  const [options, setOptions] = useState<ItemSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<number | null>(null);
  // Answers can arrive out of order (an earlier, broader search finishing last): only the newest search's
  // answer may fill the options.
  const latestSearch = useRef(0);

  const search = (q: string) => {
    if (timer.current) window.clearTimeout(timer.current);
    // The options of the previous text go at once: a pick is always from the list of what is typed now, never
    // from one about to be replaced under the pointer.
    const ticket = ++latestSearch.current;
    setOptions([]);
    setSearching(true);
    timer.current = window.setTimeout(async () => {
      try {
        const page = await api.get<{ items: ItemSummary[] }>('/api/public/service-items', { q: q.trim() || undefined, pageSize: 20 });
        if (ticket === latestSearch.current) setOptions(page.items);
      } catch {
        if (ticket === latestSearch.current) setOptions([]);
      } finally {
        if (ticket === latestSearch.current) setSearching(false);
      }
    }, SEARCH_DELAY_MS);
  };
  useEffect(() => {
    search('');
    return () => {
      if (timer.current) window.clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = (itemId: string) => {
    const picked = options.find((option) => option.id === itemId);
    if (picked) setDetails((previous) => new Map(previous).set(picked.id, { id: picked.id, name: picked.name, unitName: picked.unitName, status: picked.status }));
    if (!value.includes(itemId)) onChange?.([...value, itemId]);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [moved] = next.splice(index, 1);
    if (moved !== undefined) next.splice(index + by, 0, moved);
    onChange?.(next);
  };

  return (
    <div>
      <Select<string>
        id={id}
        showSearch={{ filterOption: false, onSearch: search }}
        value={null}
        loading={searching}
        disabled={value.length >= MAX_ITEMS}
        placeholder={t('svc.life.pickPlaceholder')}
        aria-label={t('svc.life.pickItems')}
        style={{ width: '100%' }}
        notFoundContent={searching ? t('common.loading') : t('common.noData')}
        onChange={(itemId) => add(itemId)}
        options={options.map((item) => ({ value: item.id, label: t('common.qualified', { name: item.name, note: item.unitName }), disabled: value.includes(item.id) }))}
      />
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.life.noItems')} style={{ margin: '12px 0' }} />
      ) : (
        <ol className="zt-bundled-items" aria-label={t('svc.life.items')}>
          {value.map((itemId, index) => {
            const item = details.get(itemId);
            const name = item?.name ?? itemId;
            return (
              <li key={itemId}>
                <span className="zt-bundled-name">
                  {name}
                  {item ? <span style={{ color: '#4b5563' }}>（{item.unitName}）</span> : null}
                  {item && item.status !== 'published' ? <ItemStatusTag status={item.status} /> : null}
                </span>
                <Space size={0}>
                  <Button type="text" size="small" icon={<ArrowUpOutlined aria-hidden="true" />} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('svc.life.moveUp', { name })} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined aria-hidden="true" />} disabled={index === value.length - 1} onClick={() => move(index, 1)} aria-label={t('svc.life.moveDown', { name })} />
                  <Button type="text" size="small" danger icon={<DeleteOutlined aria-hidden="true" />} onClick={() => onChange?.(value.filter((other) => other !== itemId))} aria-label={t('svc.life.removeItem', { name })} />
                </Space>
              </li>
            );
          })}
        </ol>
      )}
      {value.length >= MAX_ITEMS ? <StatusTag tone="warning">{t('svc.life.maxItems', { n: MAX_ITEMS })}</StatusTag> : null}
    </div>
  );
}
