// 监察规则: GET /api/supervision/rules — the general rules grouped by category with their settings, a switch to
// turn each on or off (PATCH {enabled}), their settings edited in a dialog, per-item overrides added from a
// general rule, edited, switched and deleted (DELETE). Every change is audited and re-evaluates the running
// cases in the background (the server does that).
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Spin, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n, type MessageKey, type Vars } from '../i18n.ts';
import PageHeader from '../components/PageHeader.tsx';
import RuleSettingsModal, { type RuleEdit } from '../supervision/RuleSettingsModal.tsx';
import { categoryLabel, isLevel, LevelTag, levelKey } from '../supervision/tags.tsx';
import type { Rule } from '../supervision/types.ts';
import '../supervision/supervision.css';

type Translate = (key: MessageKey, vars?: Vars) => string;

/** One line saying what the rule's settings do. */
function settingsSummary(rule: Rule, t: Translate): string {
  const s = rule.settings;
  if (typeof s.warningDays === 'number' && typeof s.redAfterOverdueDays === 'number') return t('sup.rules.timelinessSummary', { warningDays: s.warningDays, redAfterOverdueDays: s.redAfterOverdueDays });
  const level = typeof s.level === 'string' && isLevel(s.level) ? t(levelKey(s.level)) : String(s.level ?? '');
  if (typeof s.maxEntryDelayDays === 'number') return t('sup.rules.backdatedSummary', { days: s.maxEntryDelayDays, level });
  if (level) return t('sup.rules.levelSummary', { level });
  return Object.entries(s)
    .map(([key, value]) => `${key}: ${value}`)
    .join('；');
}

function RuleName({ rule, lang }: { rule: Rule; lang: string }) {
  return (
    <div style={{ lineHeight: 1.5 }}>
      <div style={{ fontWeight: 600 }}>{lang === 'en' ? rule.nameEn : rule.name}</div>
      <div className="zt-cell-note">
        <code>{rule.code}</code>
      </div>
    </div>
  );
}

function SettingsCell({ rule }: { rule: Rule }) {
  const { t } = useI18n();
  const level = typeof rule.settings.level === 'string' && isLevel(rule.settings.level) ? rule.settings.level : null;
  return (
    <Space size={6} align="start">
      {level ? <LevelTag level={level} /> : null}
      <span>{settingsSummary(rule, t)}</span>
    </Space>
  );
}

export default function SupervisionRulesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const loaded = useLoad(() => api.get<{ items: Rule[] }>('/api/supervision/rules').then((result) => result.items), []);
  const [edit, setEdit] = useState<RuleEdit | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const rules = loaded.data ?? [];

  const general = rules.filter((rule) => rule.scopeKey === null);
  const overrides = rules.filter((rule) => rule.scopeKey !== null);
  const categories = useMemo(() => {
    const groups: Array<{ category: string; name: string; rules: Rule[] }> = [];
    for (const rule of general) {
      let group = groups.find((entry) => entry.category === rule.category);
      if (!group) groups.push((group = { category: rule.category, name: categoryLabel(t, rule.category, rule.categoryName), rules: [] }));
      group.rules.push(rule);
    }
    return groups;
  }, [general, t]);
  const overrideCount = (code: string) => overrides.filter((rule) => rule.code === code).length;
  const ruleName = (rule: Rule) => (lang === 'en' ? rule.nameEn : rule.name);

  const toggle = async (rule: Rule, enabled: boolean) => {
    setSwitching(rule.id);
    try {
      await api.patch<Rule>(`/api/supervision/rules/${encodeURIComponent(rule.id)}`, { enabled });
      message.success(enabled ? t('sup.rules.switchedOn', { name: ruleName(rule) }) : t('sup.rules.switchedOff', { name: ruleName(rule) }));
      loaded.reload();
    } catch (caught) {
      message.error(errorText(caught));
    } finally {
      setSwitching(null);
    }
  };

  const remove = async (rule: Rule) => {
    try {
      await api.delete(`/api/supervision/rules/${encodeURIComponent(rule.id)}`);
      message.success(t('sup.rules.deleted'));
      loaded.reload();
    } catch (caught) {
      message.error(errorText(caught));
    }
  };

  const enabledColumn = {
    title: t('sup.rules.enabled'),
    key: 'enabled',
    width: 90,
    render: (_: unknown, rule: Rule) => (
      <Switch
        checked={rule.enabled}
        loading={switching === rule.id}
        aria-label={rule.scopeName ? t('sup.rules.switchOverrideNamed', { name: ruleName(rule), item: rule.scopeName }) : t('sup.rules.switchNamed', { name: ruleName(rule) })}
        onChange={(checked) => void toggle(rule, checked)}
      />
    ),
  };

  const generalColumns: ColumnsType<Rule> = [
    { title: t('sup.rules.name'), key: 'name', width: 300, render: (_: unknown, rule) => <RuleName rule={rule} lang={lang} /> },
    { title: t('sup.rules.settings'), key: 'settings', render: (_: unknown, rule) => <SettingsCell rule={rule} /> },
    enabledColumn,
    { title: t('sup.rules.overrideCount'), key: 'overrides', width: 110, render: (_: unknown, rule) => overrideCount(rule.code) || '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 210,
      render: (_: unknown, rule) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined aria-hidden="true" />} aria-label={t('sup.rules.editNamed', { name: ruleName(rule) })} onClick={() => setEdit({ mode: 'edit', rule })}>
            {t('sup.rules.edit')}
          </Button>
          <Button size="small" icon={<PlusOutlined aria-hidden="true" />} aria-label={t('sup.rules.addOverrideNamed', { name: ruleName(rule) })} onClick={() => setEdit({ mode: 'override', rule })}>
            {t('sup.rules.addOverride')}
          </Button>
        </Space>
      ),
    },
  ];

  const overrideColumns: ColumnsType<Rule> = [
    { title: t('sup.rules.item'), dataIndex: 'scopeName', width: 240, render: (name: string | null, rule) => name ?? rule.scopeKey },
    { title: t('sup.rules.name'), key: 'name', width: 280, render: (_: unknown, rule) => <RuleName rule={rule} lang={lang} /> },
    { title: t('sup.rules.settings'), key: 'settings', render: (_: unknown, rule) => <SettingsCell rule={rule} /> },
    enabledColumn,
    { title: t('sup.rules.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (value: string) => formatDateTime(value) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 190,
      render: (_: unknown, rule) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined aria-hidden="true" />} aria-label={t('sup.rules.editOverrideNamed', { name: ruleName(rule), item: rule.scopeName ?? '' })} onClick={() => setEdit({ mode: 'edit', rule })}>
            {t('sup.rules.edit')}
          </Button>
          <Popconfirm title={t('sup.rules.deleteConfirm')} okText={t('sup.rules.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => remove(rule)}>
            <Button size="small" danger icon={<DeleteOutlined aria-hidden="true" />} aria-label={t('sup.rules.deleteNamed', { name: ruleName(rule), item: rule.scopeName ?? '' })}>
              {t('sup.rules.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.supRules')}
        description={t('sup.rules.description')}
        extra={
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={loaded.reload}>
            {t('common.refresh')}
          </Button>
        }
      />
      {loaded.error ? <Alert type="error" showIcon title={errorText(loaded.error)} style={{ marginBottom: 16 }} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} /> : null}
      {!loaded.data && loaded.loading ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      ) : null}
      {categories.map((group) => (
        <Card
          key={group.category}
          className="zt-rule-card"
          title={
            <h2 className="zt-card-title" id={`rules-${group.category}`}>
              {group.name}
              <span className="zt-rule-count">{t('sup.rules.count', { n: group.rules.length })}</span>
            </h2>
          }
          style={{ marginBottom: 16 }}
        >
          <Table<Rule> rowKey="id" size="middle" pagination={false} columns={generalColumns} dataSource={group.rules} loading={loaded.loading} rowClassName={(rule) => (rule.enabled ? '' : 'zt-rule-off')} />
        </Card>
      ))}
      {loaded.data ? (
        <Card title={<h2 className="zt-card-title">{t('sup.rules.overrides')}</h2>} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('sup.rules.overridesHint')}
          </Typography.Paragraph>
          <Table<Rule>
            rowKey="id"
            size="middle"
            pagination={false}
            columns={overrideColumns}
            dataSource={overrides}
            loading={loaded.loading}
            rowClassName={(rule) => (rule.enabled ? '' : 'zt-rule-off')}
            locale={{ emptyText: <span className="zt-empty-text">{t('sup.rules.noOverrides')}</span> }}
          />
        </Card>
      ) : null}
      <RuleSettingsModal
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
