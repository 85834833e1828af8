// The 处理过程 of a supervision record — a finding, a task or a complaint: each step's time, what was done and by
// whom, its note and its files, oldest first. One rendering for the three detail panels.
import { Timeline } from 'antd';
import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n.ts';
import type { StoredFile } from '../services/types.ts';
import { FileLinks } from './files.tsx';
import './supervision.css';

/** One step of a record's history as the supervision API returns it. */
export interface HistoryEntry<A extends string = string> {
  id: string;
  action: A;
  actorName: string;
  note: string;
  occurredAt: string;
  files?: StoredFile[];
}

interface Props<A extends string> {
  /** The section's heading id (the section is labelled by it). */
  id: string;
  entries: ReadonlyArray<HistoryEntry<A>>;
  /** The step's name in the viewer's language. */
  label: (action: A) => string;
  /** Timeline dot colour per action; blue otherwise. */
  colours: Partial<Record<A, string>>;
  /** Actions whose note is not shown (a complaint's own text is already in its facts). */
  hideNoteOf?: readonly A[];
  headingLevel?: 2 | 3;
}

/** The history section with its heading; `data-action` on each entry names the step for tests and styles. */
export default function HistorySection<A extends string>({ id, entries, label, colours, hideNoteOf = [], headingLevel = 3 }: Props<A>) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} style={{ marginTop: 20 }}>
      <Heading id={id} className="zt-section-title">
        {t('sup.detail.history')}
      </Heading>
      <Timeline
        className="zt-finding-history"
        items={entries.map((entry) => ({
          key: entry.id,
          color: colours[entry.action] ?? 'blue',
          content: (
            <div data-action={entry.action}>
              <div className="zt-cell-note">{formatDateTime(entry.occurredAt)}</div>
              <div>
                <strong>{label(entry.action)}</strong>
                <span style={{ color: '#4b5563' }}> · {entry.actorName}</span>
              </div>
              {entry.note && !hideNoteOf.includes(entry.action) ? <div className="zt-finding-note">{entry.note}</div> : null}
              {entry.files ? <FileLinks files={entry.files} /> : null}
            </div>
          ),
        }))}
      />
    </section>
  );
}
