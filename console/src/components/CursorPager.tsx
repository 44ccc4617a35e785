import { Button, Group } from '@mantine/core';
import { useState } from 'react';

/**
 * Pages of a cursor connection (`first`/`after`): the cursors of the pages
 * before this one, so the first button goes back one and the second follows
 * `endCursor`, without keeping any page.
 */
export function useCursors() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    isFirst: cursors.length === 1,
    /** How many pages come before the one shown. */
    index: cursors.length - 1,
    newer: () => setCursors(cursors.slice(0, -1)),
    older: (endCursor: string | null | undefined) => setCursors([...cursors, endCursor ?? null]),
    /** Back to the first page (a filter changed). */
    reset: () => setCursors([null]),
  };
}

/**
 * The two buttons of a list paged with useCursors: Newer / Older for lists
 * newest first, or the words of another order (e.g. Previous page / Next
 * page for a list by name).
 */
export function CursorPager(props: {
  pages: ReturnType<typeof useCursors>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  labels?: { back: string; forward: string };
}) {
  const { pages, pageInfo } = props;
  const labels = props.labels ?? { back: 'Newer', forward: 'Older' };
  return (
    <Group>
      <Button variant="default" disabled={pages.isFirst} onClick={pages.newer}>
        {labels.back}
      </Button>
      <Button
        variant="default"
        disabled={!pageInfo?.hasNextPage}
        onClick={() => pages.older(pageInfo?.endCursor)}
      >
        {labels.forward}
      </Button>
    </Group>
  );
}

/** The words of a list in name order (or any order that is not by time). */
export const PAGE_LABELS = { back: 'Previous page', forward: 'Next page' };
