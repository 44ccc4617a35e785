import { Button, Group } from '@mantine/core';
import { useState } from 'react';

/**
 * Pages of a cursor connection, newest first: the cursors of the pages
 * before this one, so Newer goes back one and Older follows `endCursor`.
 */
export function useCursors() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    isFirst: cursors.length === 1,
    newer: () => setCursors(cursors.slice(0, -1)),
    older: (endCursor: string | null | undefined) => setCursors([...cursors, endCursor ?? null]),
    /** Back to the first page (a filter changed). */
    reset: () => setCursors([null]),
  };
}

/** Newer / Older buttons for a list paged with useCursors. */
export function CursorPager(props: {
  pages: ReturnType<typeof useCursors>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
}) {
  const { pages, pageInfo } = props;
  return (
    <Group>
      <Button variant="default" disabled={pages.isFirst} onClick={pages.newer}>
        Newer
      </Button>
      <Button
        variant="default"
        disabled={!pageInfo?.hasNextPage}
        onClick={() => pages.older(pageInfo?.endCursor)}
      >
        Older
      </Button>
    </Group>
  );
}
