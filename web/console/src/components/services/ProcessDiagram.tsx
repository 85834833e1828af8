// 办理流程图: the steps of a process as a left-to-right flow of labelled boxes joined by arrows,
// from 申请 to 办结, wrapping onto further rows when the page is narrow. Pure SVG; the whole figure has
// a text alternative listing every step.
import { useEffect, useRef, useState } from 'react';
import { useOrgUnits } from '../../hooks/useOrgTree.ts';
import { useI18n } from '../../i18n.ts';
import type { HandledBy, ProcessStep, StepKind } from '../../services/types.ts';

export const KIND_COLOURS: Record<StepKind, { band: string; border: string; fill: string }> = {
  accept: { band: '#1d4ed8', border: '#93c5fd', fill: '#f5f8ff' },
  review: { band: '#0f766e', border: '#5eead4', fill: '#f3fbfa' },
  decide: { band: '#b45309', border: '#fcd34d', fill: '#fffbf0' },
  finish: { band: '#15803d', border: '#86efac', fill: '#f3fbf5' },
};

const BOX_MAX_W = 184;
const BOX_MIN_W = 140;
const BOX_H = 104;
const PILL_W = 64;
const PILL_H = 38;
const GAP_MAX_X = 48;
const GAP_MIN_X = 30;
const GAP_Y = 54;
const PAD = 12;

type Node = { kind: 'start' | 'end'; label: string } | { kind: 'step'; step: Partial<ProcessStep>; index: number };

/** Approximate rendered width: CJK characters are about 1em wide, others about 0.6em. */
function textWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\uffff]/.test(char) ? size : size * 0.6;
  return width;
}

function fit(text: string, maxWidth: number, size: number): string {
  if (textWidth(text, size) <= maxWidth) return text;
  let out = '';
  for (const char of text) {
    if (textWidth(`${out}${char}…`, size) > maxWidth) break;
    out += char;
  }
  return `${out}…`;
}

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(960);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setWidth(element.clientWidth || 960);
    const observer = new ResizeObserver((entries) => {
      const next = entries[0]?.contentRect.width;
      if (next && next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export default function ProcessDiagram({ steps, title }: { steps: Array<Partial<ProcessStep> | undefined>; title?: string }) {
  const { t } = useI18n();
  const { units } = useOrgUnits();
  const [ref, width] = useWidth();
  const cleanSteps = steps.filter((step): step is Partial<ProcessStep> => Boolean(step));

  const handlerName = (handledBy: HandledBy | undefined): string => {
    if (handledBy === 'intake') return t('svc.handledBy.intake');
    if (handledBy === 'owner') return t('svc.handledBy.owner');
    if (handledBy && typeof handledBy === 'object') return units.find((unit) => unit.id === handledBy.unitId)?.name ?? t('svc.handledBy.unit');
    return '—';
  };
  const limitText = (days: number | null | undefined) => (days === null || days === undefined ? t('svc.diagram.noLimit') : t('svc.diagram.limit', { n: days }));
  const stepName = (step: Partial<ProcessStep>, index: number) => (step.name?.trim() ? step.name.trim() : t('svc.process.stepN', { n: index + 1 }));

  const layout = (() => {
    const nodes: Node[] = [{ kind: 'start', label: t('svc.diagram.start') }, ...cleanSteps.map((step, index) => ({ kind: 'step' as const, step, index })), { kind: 'end', label: t('svc.diagram.end') }];
    const available = Math.max(width - PAD * 2, BOX_MIN_W + PILL_W + GAP_MIN_X);
    // Shrink boxes and gaps (down to a readable minimum) to keep the whole flow on one row when possible.
    const n = Math.max(cleanSteps.length, 1);
    const GAP_X = Math.max(GAP_MIN_X, Math.min(GAP_MAX_X, Math.floor((available - 2 * PILL_W - n * BOX_MIN_W) / (n + 1))));
    const BOX_W = Math.max(BOX_MIN_W, Math.min(BOX_MAX_W, Math.floor((available - 2 * PILL_W - (n + 1) * GAP_X) / n)));
    const placed: Array<{ node: Node; x: number; y: number; w: number; h: number; row: number }> = [];
    let x = 0;
    let row = 0;
    for (const node of nodes) {
      const w = node.kind === 'step' ? BOX_W : PILL_W;
      if (x > 0 && x + w > available) {
        row += 1;
        x = 0;
      }
      const h = node.kind === 'step' ? BOX_H : PILL_H;
      const rowTop = row * (BOX_H + GAP_Y);
      placed.push({ node, x: PAD + x, y: PAD + rowTop + (BOX_H - h) / 2, w, h, row });
      x += w + GAP_X;
    }
    const rows = row + 1;
    const usedWidth = Math.max(...placed.map((p) => p.x + p.w)) + PAD;
    return { placed, height: PAD * 2 + rows * BOX_H + (rows - 1) * GAP_Y, width: Math.max(usedWidth, 200), gapX: GAP_X };
  })();

  const summary = cleanSteps
    .map((step, index) => `${index + 1} ${stepName(step, index)}（${step.kind ? t(`svc.stepKind.${step.kind}`) : '—'}，${handlerName(step.handledBy)}，${limitText(step.limitDays)}）`)
    .join(' → ');
  const label = `${title ?? t('svc.diagram.title')}：${t('svc.diagram.start')} → ${summary} → ${t('svc.diagram.end')}`;

  const connectors: string[] = [];
  for (let i = 0; i + 1 < layout.placed.length; i += 1) {
    const a = layout.placed[i];
    const b = layout.placed[i + 1];
    if (!a || !b) continue;
    if (a.row === b.row) {
      const y = a.y + a.h / 2;
      connectors.push(`M ${a.x + a.w} ${y} L ${b.x - 3} ${y}`);
    } else {
      const midY = PAD + a.row * (BOX_H + GAP_Y) + BOX_H + GAP_Y / 2;
      const ax = a.x + a.w / 2;
      const bx = b.x + b.w / 2;
      connectors.push(`M ${ax} ${a.y + a.h} L ${ax} ${midY} L ${bx} ${midY} L ${bx} ${b.y - 3}`);
    }
  }

  return (
    <div ref={ref} style={{ width: '100%', overflowX: 'hidden' }}>
      <svg role="img" aria-label={label} width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} style={{ display: 'block', fontFamily: 'inherit' }}>
        <defs>
          <marker id="zt-flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#475569" />
          </marker>
        </defs>
        {connectors.map((d) => (
          <path key={d} d={d} fill="none" stroke="#475569" strokeWidth={1.6} markerEnd="url(#zt-flow-arrow)" />
        ))}
        {layout.placed.map((p) => {
          if (p.node.kind !== 'step') {
            const isStart = p.node.kind === 'start';
            return (
              <g key={p.node.kind}>
                <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={p.h / 2} fill={isStart ? '#eef2ff' : '#ecfdf5'} stroke={isStart ? '#6366f1' : '#16a34a'} strokeWidth={1.5} />
                <text x={p.x + p.w / 2} y={p.y + p.h / 2 + 5} textAnchor="middle" fontSize={14} fontWeight={600} fill={isStart ? '#3730a3' : '#166534'}>
                  {p.node.label}
                </text>
              </g>
            );
          }
          const { step, index } = p.node;
          const colours = KIND_COLOURS[step.kind ?? 'review'];
          const kindLabel = step.kind ? t(`svc.stepKind.${step.kind}`) : '—';
          return (
            <g key={`step-${index}`}>
              <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={8} fill={colours.fill} stroke={colours.border} strokeWidth={1.5} />
              <path d={`M ${p.x} ${p.y + 8} a 8 8 0 0 1 8 -8 h ${p.w - 16} a 8 8 0 0 1 8 8 v 18 h ${-p.w} z`} fill={colours.band} />
              <circle cx={p.x + 15} cy={p.y + 13} r={9} fill="#ffffff" />
              <text x={p.x + 15} y={p.y + 17} textAnchor="middle" fontSize={12} fontWeight={700} fill={colours.band}>
                {index + 1}
              </text>
              <text x={p.x + 30} y={p.y + 18} fontSize={12} fontWeight={600} fill="#ffffff">
                {fit(kindLabel, p.w - 40, 12)}
              </text>
              <text x={p.x + p.w / 2} y={p.y + 52} textAnchor="middle" fontSize={15} fontWeight={600} fill="#111827">
                {fit(stepName(step, index), p.w - 16, 15)}
              </text>
              <text x={p.x + p.w / 2} y={p.y + 74} textAnchor="middle" fontSize={12} fill="#374151">
                {fit(handlerName(step.handledBy), p.w - 16, 12)}
              </text>
              <text x={p.x + p.w / 2} y={p.y + 93} textAnchor="middle" fontSize={12} fill="#374151">
                {fit(limitText(step.limitDays), p.w - 16, 12)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
