// A wide antd Table scrolls sideways in a box antd renders itself; without anything focusable in its rows a
// keyboard user cannot scroll it (axe: scrollable-region-focusable). This names that box and makes it focusable.
import { useEffect, useRef, type RefObject } from 'react';

/** Returns a ref for a wrapper around a Table; its scrolling box becomes a focusable region called `label`. */
export function useScrollRegion(label: string): RefObject<HTMLDivElement | null> {
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const box of wrap.current?.querySelectorAll<HTMLElement>('.ant-table-content') ?? []) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', label);
    }
  });
  return wrap;
}
