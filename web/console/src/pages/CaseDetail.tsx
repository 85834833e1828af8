// 办件详情: GET /api/cases/:id — header facts, the clock, the steps bar, form data, materials, timeline and
// tasks, with the action panel for exactly the actions the server allows now.
import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Steps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApiError, api } from '../api.ts';
import { errorText, formatDateTime } from '../format.ts';
import { useLoad } from '../hooks/useLoad.ts';
import { useI18n } from '../i18n.ts';
import { href } from '../router.ts';
import { useCan } from '../session.ts';
import PageHeader from '../components/PageHeader.tsx';
import StatusTag from '../components/StatusTag.tsx';
import CaseActionPanel from '../components/services/CaseActionPanel.tsx';
import { CaseClockCard, CaseFeesCollected, CaseMaterials, CaseTasks, CaseTimeline } from '../components/services/CaseSections.tsx';
import { CaseStatusTag } from '../services/tags.tsx';
import type { CaseDetail } from '../services/types.ts';
import { actionKey, type CaseAction } from '../services/vocab.ts';
import { CaseRiskPointsPanel } from '../supervision/riskPoints.tsx';

const cardTitle = (text: string) => <h2 className="zt-card-title">{text}</h2>;

function CaseView({ detail, onActed, onConflict, loading }: { detail: CaseDetail; onActed: (action: CaseAction) => void; onConflict: (message: string) => void; loading: boolean }) {
  const { t } = useI18n();
  const channel = detail.channel === 'online' || detail.channel === 'window' || detail.channel === 'pushed' ? t(`svc.channel.${detail.channel}`) : detail.channel;
  const outcome = detail.outcome === 'approved' || detail.outcome === 'denied' || detail.outcome === 'penalized' || detail.outcome === 'no_penalty' || detail.outcome === 'refused' || detail.outcome === 'withdrawn' ? t(`svc.outcome.${detail.outcome}`) : detail.outcome;
  const current = detail.steps.findIndex((step) => step.state === 'current');
  const ended = detail.status === 'concluded' || detail.status === 'refused' || detail.status === 'withdrawn';

  return (
    <>
      <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.overview'))}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'item', label: t('svc.case.itemName'), children: detail.itemName },
            { key: 'status', label: t('svc.case.status'), children: <Space size={4}><CaseStatusTag status={detail.status} />{outcome ? <StatusTag tone={detail.outcome === 'approved' || detail.outcome === 'no_penalty' ? 'success' : 'danger'}>{outcome}</StatusTag> : null}</Space> },
            { key: 'applicant', label: t('svc.case.applicant'), children: t('common.qualified', { name: detail.applicant.name, note: detail.applicant.kind === 'company' ? t('svc.audience.company') : t('svc.audience.person') }) },
            { key: 'idNumber', label: detail.applicant.kind === 'company' ? t('svc.case.creditCode') : t('svc.case.idNumber'), children: <code>{detail.applicant.idNumber || '—'}</code> },
            { key: 'phone', label: t('svc.case.phone'), children: detail.applicant.phone ?? '—' },
            { key: 'channel', label: t('svc.case.channel'), children: channel },
            { key: 'intake', label: t('svc.case.intakeUnit'), children: detail.intakeUnitName },
            { key: 'unit', label: t('svc.case.ownerUnit'), children: detail.unitName },
            { key: 'kind', label: t('svc.case.caseKind'), children: detail.caseKind === 'immediate' || detail.caseKind === 'promised' ? t(`svc.caseKind.${detail.caseKind}`) : detail.caseKind },
            { key: 'limits', label: t('svc.case.limits'), children: t('svc.case.limitsValue', { promised: detail.promisedDays, statutory: detail.statutoryDays ?? '—' }) },
            { key: 'submitted', label: t('svc.case.submittedAt'), children: formatDateTime(detail.submittedAt) },
            { key: 'version', label: t('svc.case.version'), children: detail.version },
            ...(detail.status === 'concluded' ? [{ key: 'fees', label: t('svc.case.fees'), span: 'filled' as const, children: <CaseFeesCollected detail={detail} /> }] : []),
          ]}
        />
      </Card>
      <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.progress'))}>
        <Steps
          current={ended ? detail.steps.length : Math.max(current, 0)}
          status={detail.status === 'refused' || detail.status === 'withdrawn' ? 'error' : undefined}
          size="small"
          items={detail.steps.map((step) => ({
            title: step.name,
            content: step.limitDays === null ? t('svc.diagram.noLimit') : t('svc.diagram.limit', { n: step.limitDays }),
            status: step.state === 'done' ? 'finish' : step.state === 'current' ? (detail.status === 'suspended' ? 'wait' : 'process') : 'wait',
          }))}
        />
        {detail.status === 'suspended' ? <p className="zt-hint" style={{ marginTop: 12 }}>{t('svc.case.suspendedHint')}</p> : null}
      </Card>
      <Row gutter={16} align="top">
        <Col xs={24} xl={16}>
          {detail.supplementRequest && detail.supplementRequest.length > 0 ? (
            <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.supplementRequest'))}>
              <ol className="zt-explain">
                {detail.supplementRequest.map((item, index) => (
                  <li key={index}>
                    <strong>{item.name}</strong>：{item.requirement}
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}
          <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.form'))}>
            {detail.form.length === 0 ? (
              <p className="zt-hint">{t('common.noData')}</p>
            ) : (
              <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={detail.form.map((field) => ({ key: field.key, label: field.label, children: field.value || '—' }))} />
            )}
          </Card>
          <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.materials'))}>
            <CaseMaterials detail={detail} />
          </Card>
          <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.timeline'))}>
            <CaseTimeline detail={detail} />
          </Card>
          <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.tasks'))}>
            <CaseTasks detail={detail} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card style={{ marginBottom: 16 }} title={cardTitle(t('svc.case.clock'))}>
            <CaseClockCard detail={detail} />
          </Card>
          {/* Above the action card: that card is sticky on wide screens, and a card after it would slide over its form. */}
          <Card className="zt-risk-card" style={{ marginBottom: 16 }} title={cardTitle(t('sup.risk.caseTitle'))}>
            <CaseRiskPointsPanel itemId={detail.itemId} currentStepKey={ended ? null : detail.currentStepKey} />
          </Card>
          <Card className="zt-action-card" title={cardTitle(t('svc.case.actions'))} extra={loading ? <Spin size="small" /> : null}>
            <CaseActionPanel
              detail={detail}
              onDone={onActed}
              onConflict={onConflict}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function CaseDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const canQueue = useCan('services.cases.accept', 'services.cases.review', 'services.cases.decide');
  const [lastDone, setLastDone] = useState<CaseAction | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const loaded = useLoad(() => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`), [id]);
  const detail = loaded.data;
  const back = canQueue ? { href: href('/queue'), label: t('nav.queue') } : { href: href('/cases'), label: t('nav.cases') };
  const gone = loaded.error instanceof ApiError && loaded.error.status === 404;

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <a href={back.href}>{back.label}</a> }, { title: t('svc.case.title') }]} />
      <PageHeader
        title={detail ? t('svc.case.heading', { number: detail.caseNumber }) : t('svc.case.title')}
        description={detail ? `${detail.itemName} · ${detail.unitName}` : undefined}
        extra={
          <>
            <Button href={back.href}>{t('svc.case.back', { to: back.label })}</Button>
            <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={loaded.reload} loading={loaded.loading && detail !== null}>
              {t('common.refresh')}
            </Button>
          </>
        }
      />
      <div role="status" aria-live="polite">
        {conflict ? <Alert type="error" showIcon closable={{ onClose: () => setConflict(null) }} style={{ marginBottom: 16 }} title={conflict} description={t('svc.case.conflictReloaded')} /> : null}
        {lastDone && !gone ? <Alert type="success" showIcon closable={{ onClose: () => setLastDone(null) }} style={{ marginBottom: 16 }} title={t('svc.case.actedNotice', { action: t(actionKey(lastDone)) })} /> : null}
      </div>
      {loaded.error && gone && detail ? (
        <Result
          status="success"
          title={lastDone ? t('svc.case.doneAndGone', { action: t(actionKey(lastDone)) }) : t('svc.case.gone')}
          subTitle={t('svc.case.goneHint')}
          extra={<Button type="primary" href={back.href}>{t('svc.case.back', { to: back.label })}</Button>}
        />
      ) : loaded.error ? (
        <Alert type="error" showIcon title={errorText(loaded.error)} action={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : detail ? (
        <CaseView
          detail={detail}
          loading={loaded.loading}
          onActed={(action) => {
            setConflict(null);
            setLastDone(action);
            loaded.reload();
          }}
          onConflict={(text) => {
            setConflict(text);
            setLastDone(null);
            loaded.reload();
          }}
        />
      ) : (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin description={t('common.loading')} />
        </div>
      )}
    </>
  );
}
