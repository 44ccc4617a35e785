import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a phone. Focusable and named, so a
 * keyboard can scroll it too (Mantine's ScrollContainer is not).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must take focus
    <div className="console-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
