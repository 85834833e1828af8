// Read-only parts of the case page: the clock (remaining working days and how they were counted),
// materials with preview and download, the fees collected at conclusion, the timeline and the tasks.
import { useState } from 'react';
import { App, Button, Modal, Space, Table, Timeline } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { errorText, formatDate, formatDateTime, formatYuan } from '../../format.ts';
import { useOrgUnits } from '../../hooks/useOrgTree.ts';
import { useI18n } from '../../i18n.ts';
import { RemainingDays, TimeStateTag } from '../../services/tags.tsx';
import type { CaseDetail } from '../../services/types.ts';
import { isTimeState, procedureKey, TIME_STATE_BAR } from '../../services/vocab.ts';
import StatusTag from '../StatusTag.tsx';

export function CaseClockCard({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const clock = detail.clock;
  const days = clock.remainingDays ?? clock.stepRemainingDays;
  const bar = isTimeState(clock.timeState) ? TIME_STATE_BAR[clock.timeState] : '#9ca3af';
  const rows: Array<[string, string | null]> = [
    [t('svc.clock.startedOn'), clock.startedOn],
    [t('svc.clock.caseDeadline'), clock.caseDeadline],
    [t('svc.clock.statutoryDeadline'), clock.statutoryDeadline],
    [t('svc.clock.stepDeadline'), clock.stepDeadline],
  ];
  return (
    <div>
      <div className="zt-clock" style={{ borderLeftColor: bar }}>
        <TimeStateTag state={clock.timeState} />
        <div style={{ fontSize: 22, fontWeight: 600, marginTop: 6 }}>
          <RemainingDays days={days} state={clock.timeState} />
        </div>
        <div style={{ fontSize: 12, color: '#4b5563' }}>{clock.remainingDays !== null ? t('svc.clock.caseScope') : clock.stepRemainingDays !== null ? t('svc.clock.stepScope') : t('svc.clock.noCount')}</div>
        {clock.stepOverdue ? <StatusTag tone="danger">{t('svc.clock.stepOverdue')}</StatusTag> : null}
      </div>
      <dl className="zt-dl">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ? formatDate(value) : '—'}</dd>
          </div>
        ))}
      </dl>
      <h3 className="zt-subtitle">{t('svc.clock.explanation')}</h3>
      <ol className="zt-explain">
        {clock.explanation.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
      {clock.pauses.length > 0 ? (
        <>
          <h3 className="zt-subtitle">{t('svc.clock.pauses')}</h3>
          <ul className="zt-explain">
            {clock.pauses.map((pause, index) => (
              <li key={index}>{t('svc.clock.pause', { label: pause.label, from: formatDate(pause.from), to: pause.to ? formatDate(pause.to) : t('svc.clock.ongoing'), n: pause.workingDays })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function formatSize(size: number | null): string {
  if (size === null) return '—';
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export function CaseMaterials({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [image, setImage] = useState<{ name: string; src: string } | null>(null);

  const preview = async (fileId: string, name: string) => {
    try {
      const response = await fetch(`/api/files/${encodeURIComponent(fileId)}/content`, { credentials: 'same-origin' });
      if (!response.ok) throw new Error(t('svc.materials.previewFailed', { status: response.status }));
      const blob = await response.blob();
      if (blob.type.startsWith('image/')) {
        const reader = new FileReader();
        reader.onload = () => setImage({ name, src: String(reader.result) });
        reader.readAsDataURL(blob);
      } else {
        const url = URL.createObjectURL(blob);
        window.open(url, '_blank', 'noopener');
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      }
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.materials}
        locale={{ emptyText: <span style={{ color: '#4b5563' }}>{t('svc.materials.none')}</span> }}
        columns={[
          { title: t('svc.materials.name'), dataIndex: 'name', render: (name: string, row) => (<span>{name}{row.round > 0 ? <StatusTag tone="warning">{t('svc.materials.round', { n: row.round })}</StatusTag> : null}</span>) },
          { title: t('svc.materials.file'), dataIndex: 'fileName', render: (v: string | null, row) => v ?? (row.source === 'licence' ? t('svc.materials.fromLicence') : '—') },
          { title: t('svc.materials.size'), dataIndex: 'fileSize', width: 90, render: formatSize },
          { title: t('svc.materials.uploadedAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, row) =>
              row.fileId ? (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EyeOutlined aria-hidden="true" />} aria-label={t('svc.materials.previewNamed', { name: row.fileName ?? row.name })} onClick={() => void preview(row.fileId ?? '', row.fileName ?? row.name)}>
                    {t('svc.materials.preview')}
                  </Button>
                  <Button type="link" size="small" icon={<DownloadOutlined aria-hidden="true" />} href={`/api/files/${encodeURIComponent(row.fileId)}/content`} download={row.fileName ?? true} aria-label={t('svc.materials.downloadNamed', { name: row.fileName ?? row.name })}>
                    {t('svc.materials.download')}
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <Modal open={image !== null} title={image?.name} footer={null} onCancel={() => setImage(null)} width={820}>
        {image ? <img src={image.src} alt={image.name} style={{ maxWidth: '100%' }} /> : null}
      </Modal>
    </>
  );
}

const OUTCOMES = ['approved', 'denied', 'penalized', 'no_penalty', 'refused', 'withdrawn'] as const;

/** The fees an event's detail records as collected (the conclusion's `fees`); malformed entries are skipped. */
export function feesCollected(detail: Record<string, unknown>): Array<{ name: string; amount: number }> {
  if (!Array.isArray(detail.fees)) return [];
  return (detail.fees as unknown[]).flatMap((fee) => {
    const entry = fee as { name?: unknown; amount?: unknown } | null;
    return entry && typeof entry.name === 'string' && typeof entry.amount === 'number' ? [{ name: entry.name, amount: entry.amount }] : [];
  });
}

/** 收取费用 of a concluded case, read from its conclusion in the timeline: each fee and the total, or 未收取费用. */
export function CaseFeesCollected({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const concluded = [...detail.timeline].reverse().find((event) => event.type === 'concluded');
  const fees = concluded ? feesCollected(concluded.detail) : [];
  if (fees.length === 0) return <span className="zt-fees-collected">{t('svc.case.feesNone')}</span>;
  const total = fees.reduce((sum, fee) => sum + fee.amount, 0);
  return (
    <div className="zt-fees-collected">
      <ul>
        {fees.map((fee, index) => (
          <li key={index}>
            <span>{fee.name}</span>
            <span className="zt-fee-amount">{t('svc.fee.yuanAmount', { amount: formatYuan(fee.amount) })}</span>
          </li>
        ))}
      </ul>
      {fees.length > 1 ? <div className="zt-fee-total">{t('svc.fee.total', { amount: formatYuan(total) })}</div> : null}
    </div>
  );
}

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const { units } = useOrgUnits();
  const unitName = (id: unknown) => (typeof id === 'string' ? (units.find((unit) => unit.id === id)?.name ?? id) : '');
  const stepName = (key: unknown) => detail.steps.find((step) => step.key === key)?.name ?? String(key);
  const lines = (type: string, d: Record<string, unknown>): string[] => {
    const out: string[] = [];
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    if (typeof d.outcome === 'string') out.push(t('svc.tl.outcome', { v: (OUTCOMES as readonly string[]).includes(d.outcome) ? t(`svc.outcome.${d.outcome as (typeof OUTCOMES)[number]}`) : d.outcome }));
    if (typeof d.agree === 'boolean') out.push(d.agree ? t('svc.act.agreeYes') : t('svc.act.agreeNo'));
    if (str(d.opinion)) out.push(t('svc.tl.opinion', { v: str(d.opinion) ?? '' }));
    if (str(d.reason)) out.push(t('svc.tl.reason', { v: str(d.reason) ?? '' }));
    if (str(d.legalBasis)) out.push(t('svc.tl.legalBasis', { v: str(d.legalBasis) ?? '' }));
    if (str(d.text)) out.push(str(d.text) ?? '');
    if (str(d.question)) out.push(t('svc.tl.question', { v: str(d.question) ?? '' }));
    if (str(d.result)) out.push(t('svc.tl.result', { v: str(d.result) ?? '' }));
    // A forward hands the case on to the next step; a send-back or recall returns it to an earlier one.
    if (typeof d.toStepKey === 'string' && d.toStepKey) out.push(t(type === 'forwarded' ? 'svc.tl.nextStep' : 'svc.tl.toStep', { v: stepName(d.toStepKey) }));
    if (d.toUnitId) out.push(t('svc.tl.toUnit', { v: unitName(d.toUnitId) }));
    if (Array.isArray(d.unitIds)) out.push(t('svc.tl.units', { v: d.unitIds.map(unitName).join('、') }));
    if (typeof d.procedure === 'string') out.push(t('svc.tl.procedure', { v: t(procedureKey(d.procedure)), n: Number(d.plannedDays ?? 0) }));
    if (typeof d.amount === 'number') out.push(t('svc.tl.amount', { v: d.amount }));
    for (const fee of feesCollected(d)) out.push(t('svc.tl.fee', { name: fee.name, amount: formatYuan(fee.amount) }));
    if (Array.isArray(d.items)) {
      for (const item of d.items as Array<{ name?: string; requirement?: string }>) out.push(t('svc.tl.supplementItem', { name: item.name ?? '', req: item.requirement ?? '' }));
    }
    if (str(d.note)) out.push(t('svc.tl.note', { v: str(d.note) ?? '' }));
    if (d.channel === 'online' || d.channel === 'window' || d.channel === 'pushed') out.push(t('svc.tl.channel', { v: t(`svc.channel.${d.channel}`) }));
    return out;
  };
  return (
    <Timeline
      items={[...detail.timeline].reverse().map((event) => ({
        key: event.seq,
        color: event.type === 'refused' || event.type === 'withdrawn' ? 'red' : event.type === 'concluded' || event.type === 'decided' ? 'green' : 'blue',
        content: (
          <div>
            <div style={{ fontSize: 12, color: '#4b5563' }}>{formatDateTime(event.occurredAt)}</div>
            <div>
              <strong>{event.typeName}</strong>
              {event.stepName ? <span style={{ color: '#4b5563' }}> · {event.stepName}</span> : null}
              <span style={{ color: '#4b5563' }}> · {event.actorName}</span>
            </div>
            {lines(event.type, event.detail).map((line, index) => (
              <div key={index} style={{ color: '#374151', fontSize: 13 }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

export function CaseTasks({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const stepName = (key: string) => detail.steps.find((step) => step.key === key)?.name ?? key;
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={detail.tasks}
      locale={{ emptyText: t('common.noData') }}
      columns={[
        { title: t('svc.tasks.step'), dataIndex: 'stepKey', render: (key: string, row) => (row.kind === 'countersign' ? `${stepName(key)} · ${t('svc.taskKind.countersign')}` : stepName(key)) },
        { title: t('svc.tasks.unit'), dataIndex: 'unitName' },
        { title: t('svc.tasks.status'), dataIndex: 'status', width: 80, render: (status: string) => (status === 'open' ? <StatusTag tone="info">{t('svc.tasks.open')}</StatusTag> : status === 'done' ? <StatusTag tone="success">{t('svc.tasks.done')}</StatusTag> : <StatusTag tone="neutral">{status === 'cancelled' ? t('svc.tasks.cancelled') : status}</StatusTag>) },
        {
          title: t('svc.tasks.time'),
          key: 'time',
          width: 200,
          render: (_: unknown, row) => (
            <div style={{ fontSize: 12, lineHeight: 1.6 }}>
              <div>{t('svc.tasks.openedAtValue', { time: formatDateTime(row.openedAt) })}</div>
              {row.closedAt ? <div>{t('svc.tasks.closedAtValue', { time: formatDateTime(row.closedAt) })}</div> : null}
            </div>
          ),
        },
        { title: t('svc.tasks.opinion'), dataIndex: 'opinion', render: (v: string | null) => v || '—' },
      ]}
    />
  );
}
