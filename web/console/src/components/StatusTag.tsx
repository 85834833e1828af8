// A Tag with our own high-contrast colour pairs (antd's preset tag colours miss WCAG AA).
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { TAG_TONES, type Tone } from '../theme.ts';

export default function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  const colours = TAG_TONES[tone];
  return (
    <Tag style={{ ...colours, marginInlineEnd: 4 }} variant="outlined">
      {children}
    </Tag>
  );
}
