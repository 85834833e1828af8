// 办理操作: exactly the case's allowedActions as a radio group, the chosen action's form (办结 with the fees
// collected, CaseFeeFields), and POST /api/cases/:id/actions with the version the page loaded. A 409
// CASE_CONFLICT shows the server's message and reloads the case.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Form, Radio } from 'antd';
import { ApiError, api } from '../../api.ts';
import { errorText } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { CaseDetail } from '../../services/types.ts';
import { CASE_ACTIONS, actionKey, isCaseAction, type CaseAction } from '../../services/vocab.ts';
import CaseActionFields, { buildCommand, initialValuesFor, type ActionValues, type ItemFacts } from './CaseActionFields.tsx';

const DANGER: ReadonlySet<CaseAction> = new Set(['refuse', 'deny', 'send_back', 'recall', 'penalize']);

/** What an item offers the forms when its guide cannot be read: nothing to pick from, fees unknown. */
const UNREADABLE: ItemFacts = { materials: [], specialProcedures: null, discretion: [], charged: null, fees: [] };

/**
 * The item's materials, special procedures, discretion and fees, from the item version the case is bound to (the
 * case detail carries them for staff): the standard supervision checks collected fees against, even when the item
 * has been republished since.
 */
function itemFactsOf(detail: CaseDetail): ItemFacts {
  const pinned = detail.pinnedItem;
  return pinned ? { materials: pinned.materials, specialProcedures: pinned.specialProcedures, discretion: pinned.discretion, charged: pinned.charged, fees: pinned.fees } : UNREADABLE;
}

export default function CaseActionPanel({ detail, onDone, onConflict }: { detail: CaseDetail; onDone: (action: CaseAction) => void; onConflict: (message: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const actions = CASE_ACTIONS.filter((action) => detail.allowedActions.includes(action));
  const unknown = detail.allowedActions.filter((action) => !isCaseAction(action));
  const [chosen, setChosen] = useState<CaseAction | null>(actions[0] ?? null);
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const facts = useMemo(() => itemFactsOf(detail), [detail]);
  const action = chosen && actions.includes(chosen) ? chosen : (actions[0] ?? null);

  useEffect(() => {
    setError(null);
    form.resetFields();
    if (action) form.setFieldsValue(initialValuesFor(action, facts));
    // A new version of the case (after an action) starts the form afresh; the facts come with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, form, detail.version]);

  if (actions.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.act.none')} />;
  }

  const submit = async (values: ActionValues) => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/cases/${encodeURIComponent(detail.id)}/actions`, { version: detail.version, command: buildCommand(action, values) });
      message.success(t('svc.act.done', { action: t(actionKey(action)) }));
      onDone(action);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'CASE_CONFLICT') {
        onConflict(caught.message);
        return;
      }
      if (caught instanceof ApiError && caught.issues.length > 0) {
        form.setFields(
          caught.issues.map((issue) => ({
            name: issue.path
              .replace(/^command\./, '')
              .split('.')
              .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
            errors: [issue.message],
          })) as Parameters<typeof form.setFields>[0],
        );
      }
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name="case-action" layout="vertical" onFinish={submit} requiredMark>
      <fieldset className="zt-fieldset zt-action-choice">
        <legend>{t('svc.act.choose')}</legend>
        <Radio.Group
          value={action}
          onChange={(event) => setChosen(event.target.value as CaseAction)}
          optionType="button"
          buttonStyle="solid"
          className="zt-action-radios"
          options={actions.map((value) => ({ value, label: t(actionKey(value)) }))}
        />
      </fieldset>
      {unknown.length > 0 ? <p className="zt-hint">{t('svc.act.unknown', { list: unknown.join('、') })}</p> : null}
      {action ? (
        <div style={{ marginTop: 16 }}>
          <CaseActionFields action={action} detail={detail} facts={facts} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {action ? (
        <Button type="primary" danger={DANGER.has(action)} htmlType="submit" loading={busy} block size="large">
          {t('svc.act.submit', { action: t(actionKey(action)) })}
        </Button>
      ) : null}
    </Form>
  );
}
