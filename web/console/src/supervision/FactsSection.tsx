// The 基本情况 of a supervision record — a finding, a task or a complaint: a heading the section is labelled by,
// the facts as one bordered column, and what the panel adds below them (a note on the record's state). One
// rendering for the three detail panels, as HistorySection is for their histories.
import type { ReactNode } from 'react';
import { Descriptions, type DescriptionsProps } from 'antd';
import './supervision.css';

interface Props {
  /** The heading's id (the section is labelled by it). */
  id: string;
  title: string;
  items: DescriptionsProps['items'];
  headingLevel?: 2 | 3;
  children?: ReactNode;
}

export default function FactsSection({ id, title, items, headingLevel = 3, children }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id}>
      <Heading id={id} className="zt-section-title" style={{ marginTop: 0 }}>
        {title}
      </Heading>
      <Descriptions size="small" bordered column={1} items={items} />
      {children}
    </section>
  );
}
