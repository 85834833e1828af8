// Permissions from GET /api/permissions as checkboxes, one fieldset per group.
import { Checkbox } from 'antd';
import { useI18n, type MessageKey } from '../i18n.ts';
import type { Permission } from '../types.ts';
import StatusTag from './StatusTag.tsx';

const KNOWN_GROUPS = ['identity', 'security', 'audit', 'calendar', 'notify'] as const;

export function groupLabel(group: string, t: (key: MessageKey) => string): string {
  return (KNOWN_GROUPS as readonly string[]).includes(group) ? t(`permGroup.${group as (typeof KNOWN_GROUPS)[number]}`) : group;
}

export default function PermissionPicker({
  id,
  permissions,
  value,
  onChange,
  disabled,
}: {
  id?: string;
  permissions: Permission[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}) {
  const { t, lang } = useI18n();
  const selected = new Set(value ?? []);
  const groups = new Map<string, Permission[]>();
  for (const permission of permissions) {
    const list = groups.get(permission.group) ?? [];
    list.push(permission);
    groups.set(permission.group, list);
  }
  const toggle = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    for (const code of codes) {
      if (on) next.add(code);
      else next.delete(code);
    }
    onChange?.(permissions.map((p) => p.code).filter((code) => next.has(code)));
  };

  return (
    <div id={id} style={{ display: 'grid', gap: 12 }}>
      {[...groups.entries()].map(([group, list]) => {
        const codes = list.map((p) => p.code);
        const count = codes.filter((code) => selected.has(code)).length;
        return (
          <fieldset key={group} style={{ border: '1px solid #d1d5db', borderRadius: 6, padding: '8px 12px 10px', margin: 0 }}>
            <legend style={{ fontSize: 14, fontWeight: 600, padding: '0 6px', width: 'auto', margin: 0, border: 'none' }}>
              {groupLabel(group, t)}
            </legend>
            <Checkbox
              checked={count === codes.length}
              indeterminate={count > 0 && count < codes.length}
              disabled={disabled}
              onChange={(e) => toggle(codes, e.target.checked)}
              style={{ marginBottom: 6 }}
            >
              {t('roles.selectAllIn', { group: groupLabel(group, t) })}
            </Checkbox>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: '4px 12px' }}>
              {list.map((permission) => (
                <Checkbox
                  key={permission.code}
                  checked={selected.has(permission.code)}
                  disabled={disabled}
                  onChange={(e) => toggle([permission.code], e.target.checked)}
                >
                  {lang === 'en' && permission.nameEn ? permission.nameEn : permission.name}
                  <span style={{ color: '#4b5563', fontSize: 12, marginInlineStart: 6, fontFamily: 'monospace' }}>{permission.code}</span>
                  {permission.adminRole ? (
                    <span style={{ marginInlineStart: 6 }}>
                      <StatusTag tone="warning">{t(`adminRole.${permission.adminRole}`)}</StatusTag>
                    </span>
                  ) : null}
                </Checkbox>
              ))}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
