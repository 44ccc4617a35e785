import { Button, Group } from '@mantine/core';
import { useState } from 'react';

export interface CursorPages {
  /** The cursor of the page shown (null: the first page). */
  after: string | null;
  /** How many pages come before the one shown. */
  index: number;
  /** Back to the first page (a filter changed). */
  reset: () => void;
  next: (endCursor: string | null) => void;
  previous: () => void;
}

/**
 * Pages that follow each other by cursor (`first`/`after`): the cursors of
 * the pages seen so far, so Previous goes back one without keeping any page.
 */
export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    index: cursors.length - 1,
    reset: () => setCursors([null]),
    next: (endCursor) => setCursors((seen) => [...seen, endCursor]),
    previous: () => setCursors((seen) => seen.slice(0, -1)),
  };
}

/** Previous page and Next page, shown when there is more than one page. */
export function CursorPager(props: {
  pages: CursorPages;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}) {
  const { pages, pageInfo } = props;
  if (pages.index === 0 && !pageInfo.hasNextPage) return null;
  return (
    <Group gap="sm">
      <Button variant="default" disabled={pages.index === 0} onClick={pages.previous}>
        Previous page
      </Button>
      <Button
        variant="default"
        disabled={!pageInfo.hasNextPage}
        onClick={() => pages.next(pageInfo.endCursor ?? null)}
      >
        Next page
      </Button>
    </Group>
  );
}
