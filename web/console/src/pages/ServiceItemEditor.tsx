// 事项详情 / 编辑: GET /api/service-items/:id into one form over seven tabs (eight for a penalty item, whose
// 裁量基准 has its own); 保存 (PUT), 提交审核, 审核发布 / 退回, 停用 as `can` allows. Missing guide elements and
// server validation issues point at their tab and field.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Form, Space, Spin, Tabs, Tag } from 'antd';
import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { ApiError, api, type ApiIssue } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import PageHeader from '../components/PageHeader.tsx';
import { ItemBasicsTab, ItemGuideTab } from '../components/services/ItemBasicsTab.tsx';
import { DecisionModal, ItemHistoryTab, type Decision } from '../components/services/ItemDecision.tsx';
import ItemDiscretionTab from '../components/services/ItemDiscretionTab.tsx';
import ItemIssueSummary from '../components/services/ItemIssueSummary.tsx';
import { ItemFeesTab, ItemFormFieldsTab, ItemMaterialsTab } from '../components/services/ItemListTabs.tsx';
import ItemProcessTab from '../components/services/ItemProcessTab.tsx';
import { editorTabsFor, tabOfElement, tabOfPath, toFormValues, toNamePath, toPayload, type EditorTab, type ItemFormValues } from '../services/itemForm.ts';
import { useMaterialFiles } from '../services/materialFiles.ts';
import { ItemStatusTag } from '../services/tags.tsx';
import type { ItemDetail } from '../services/types.ts';

function ItemEditor({ item, onItem }: { item: ItemDetail; onItem: (item: ItemDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const [tab, setTab] = useState<EditorTab>('basics');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [errorCounts, setErrorCounts] = useState<Partial<Record<EditorTab, number>>>({});
  const [decision, setDecision] = useState<Decision | null>(null);
  const initialValues = useMemo(() => toFormValues(item), [item]);
  const url = `/api/service-items/${encodeURIComponent(item.id)}`;
  const editable = item.can.edit;
  const materialFiles = useMaterialFiles(item);
  // The type decides whether the 裁量基准 tab shows; switching away from it while it is open falls back to 基本信息.
  const itemType = (Form.useWatch(['guide', 'itemType'], form) as string | undefined) ?? item.guide.itemType;
  const tabs = editorTabsFor(itemType);
  const activeTab = tabs.includes(tab) ? tab : 'basics';

  useEffect(() => {
    form.resetFields();
    setDirty(false);
    setErrorCounts({});
  }, [form, initialValues]);

  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const countErrors = useCallback(() => {
    const counts: Partial<Record<EditorTab, number>> = {};
    for (const field of form.getFieldsError()) {
      if (field.errors.length === 0) continue;
      const key = tabOfPath(field.name);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    setErrorCounts(counts);
  }, [form]);

  const goTo = (path: Array<string | number>) => {
    setTab(tabOfPath(path));
    setTimeout(() => form.scrollToField(path as Parameters<typeof form.scrollToField>[0], { focus: true, block: 'center' }), 50);
  };

  const showServerError = (error: unknown) => {
    if (error instanceof ApiError && error.issues.length > 0) {
      form.setFields(error.issues.map((issue) => ({ name: toNamePath(issue.path), errors: [issue.message] })) as Parameters<typeof form.setFields>[0]);
      setIssues(error.issues);
      setFailure(error.message);
      const first = error.issues[0];
      if (first) setTab(tabOfPath(toNamePath(first.path)));
      countErrors();
    } else {
      setIssues([]);
      setFailure(errorText(error));
    }
    message.error(errorText(error));
  };

  const save = async (): Promise<ItemDetail | null> => {
    setIssues([]);
    setFailure(null);
    try {
      await form.validateFields({ recursive: true });
    } catch (caught) {
      const first = (caught as { errorFields?: Array<{ name: Array<string | number> }> }).errorFields?.[0];
      if (first) goTo(first.name);
      countErrors();
      message.error(t('svc.editor.fixErrors'));
      return null;
    }
    setBusy('save');
    try {
      const updated = await api.put<ItemDetail>(url, toPayload(form.getFieldsValue(true) as ItemFormValues, item));
      onItem(updated);
      message.success(t('common.saved'));
      return updated;
    } catch (error) {
      showServerError(error);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (dirty && !(await save())) return;
    setBusy('submit');
    try {
      onItem(await api.post<ItemDetail>(`${url}/submit`));
      message.success(t('svc.editor.submitted'));
    } catch (error) {
      showServerError(error);
    } finally {
      setBusy(null);
    }
  };

  const badge = (key: EditorTab) => {
    const count = errorCounts[key] ?? 0;
    return (
      <span>
        {t(`svc.tab.${key}`)}
        {count > 0 ? (
          <Tag color="#b91c1c" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
            <span aria-hidden="true">{count}</span>
            <span className="zt-visually-hidden">{t('svc.editor.tabErrors', { n: count })}</span>
          </Tag>
        ) : null}
      </span>
    );
  };

  const tabContent: Record<EditorTab, React.ReactNode> = {
    basics: <ItemBasicsTab item={item} />,
    guide: <ItemGuideTab />,
    materials: <ItemMaterialsTab disabled={!editable} files={materialFiles} />,
    fees: <ItemFeesTab disabled={!editable} />,
    discretion: <ItemDiscretionTab disabled={!editable} />,
    form: <ItemFormFieldsTab disabled={!editable} />,
    process: <ItemProcessTab disabled={!editable} />,
    history: <ItemHistoryTab history={item.history} current={item.version.id} />,
  };

  const version = item.version;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <a href={href('/service-items')}>{t('nav.serviceItems')}</a> }, { title: item.name }]} />
      <PageHeader
        title={item.name}
        description={
          <Space size={8} wrap>
            <ItemStatusTag status={item.status} />
            <span>{t('svc.editor.versionLine', { v: version.versionNo })}</span>
            <ItemStatusTag status={version.status} />
            <span>·</span>
            <span>{item.unitName}</span>
            <span>·</span>
            <span>{t('svc.editor.updatedAt', { time: formatDateTime(item.updatedAt) })}</span>
          </Space>
        }
        extra={
          <>
            {editable ? (
              <Button type={item.can.submit ? 'default' : 'primary'} icon={<SaveOutlined aria-hidden="true" />} loading={busy === 'save'} onClick={() => void save()}>
                {t('common.save')}
              </Button>
            ) : null}
            {item.can.submit ? (
              <Button type="primary" icon={<SendOutlined aria-hidden="true" />} loading={busy === 'submit'} onClick={() => void submit()}>
                {t('svc.editor.submit')}
              </Button>
            ) : null}
            {item.can.review ? (
              <>
                <Button type="primary" icon={<CheckOutlined aria-hidden="true" />} onClick={() => setDecision('publish')}>
                  {t('svc.editor.publish')}
                </Button>
                <Button danger icon={<RollbackOutlined aria-hidden="true" />} onClick={() => setDecision('return')}>
                  {t('svc.editor.return')}
                </Button>
              </>
            ) : null}
            {item.can.retire ? (
              <Button danger icon={<StopOutlined aria-hidden="true" />} onClick={() => setDecision('retire')}>
                {t('svc.editor.retire')}
              </Button>
            ) : null}
          </>
        }
      />
      <div role="status" aria-live="polite" className="zt-visually-hidden">
        {dirty ? t('svc.editor.unsaved') : ''}
      </div>
      {version.status === 'draft' && version.reviewNote ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('svc.editor.returned')} description={version.reviewNote} />
      ) : null}
      {version.status === 'in_review' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={item.can.review ? t('svc.editor.inReviewReviewer') : t('svc.editor.inReview')} /> : null}
      {item.status === 'published' && version.status === 'published' && editable ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('svc.editor.publishedEditHint')} /> : null}
      {!editable && version.status !== 'in_review' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('svc.editor.readOnly')} /> : null}
      {item.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('svc.editor.missingTitle', { n: item.missing.length })}
          description={
            <ul className="zt-inline-list" aria-label={t('svc.editor.missingTitle', { n: item.missing.length })}>
              {item.missing.map((entry) => (
                <li key={entry.element}>
                  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => setTab(tabOfElement(entry.element))}>
                    {entry.name}
                  </Button>
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {failure ? <ItemIssueSummary failure={failure} issues={issues} onClose={() => setFailure(null)} goTo={goTo} /> : null}
      <div className={editable ? 'zt-panel' : 'zt-panel zt-readonly'}>
        <Form
          form={form}
          name="service-item"
          layout="vertical"
          initialValues={initialValues}
          disabled={!editable}
          onValuesChange={() => setDirty(true)}
          onFieldsChange={(changed) => {
            if (changed.some((field) => field.errors !== undefined)) countErrors();
          }}
          scrollToFirstError={false}
        >
          <Tabs
            activeKey={activeTab}
            onChange={(key) => setTab(key as EditorTab)}
            items={tabs.map((key) => ({ key, label: badge(key), children: tabContent[key], forceRender: true }))}
          />
        </Form>
      </div>
      <DecisionModal
        item={item}
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={(updated) => {
          const done = decision;
          setDecision(null);
          message.success(done ? t(`svc.decision.${done}.done`) : t('common.saved'));
          if (updated) onItem(updated);
          else window.location.hash = '/service-items';
        }}
      />
    </>
  );
}

export default function ServiceItemEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => api.get<ItemDetail>(`/api/service-items/${encodeURIComponent(id)}`), [id]);
  if (loaded.data) return <ItemEditor item={loaded.data} onItem={loaded.setData} />;
  return (
    <>
      <PageHeader title={t('svc.editor.title')} />
      {loaded.error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(loaded.error)}
          action={
            <Space>
              <Button onClick={loaded.reload}>{t('common.retry')}</Button>
              <Button href={href('/service-items')}>{t('svc.editor.backToList')}</Button>
            </Space>
          }
        />
      ) : (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      )}
    </>
  );
}
