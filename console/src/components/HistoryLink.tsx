import { Anchor } from '@mantine/core';
import { Link } from 'wouter';
import type { ContentType } from '../gql/graphql';

/** A link to an item's history (its revisions, diffs and restore). */
export function HistoryLink(props: {
  clinic: string;
  type: ContentType;
  id: string;
  what: string;
}) {
  return (
    <Anchor
      component={Link}
      size="xs"
      href={`/clinics/${props.clinic}/history/${props.type}/${props.id}`}
      aria-label={`History of “${props.what}”`}
    >
      History
    </Anchor>
  );
}
