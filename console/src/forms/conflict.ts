import type { Client, CombinedError } from 'urql';
import { codeOf } from '../api/errors';
import { graphql } from '../gql';
import type { ContentType } from '../gql/graphql';

/** The values of a form as the API stores them, field by field. */
export type Values = Record<string, unknown>;

/** What an item is now, after someone else saved it. */
export interface Latest {
  /** null: the item does not exist (yet, or any more). */
  version: number | null;
  values: Values;
  /** Who saved it last and when (its newest revision), when known. */
  by?: string;
  at?: string;
}

export const isConflict = (error: CombinedError | undefined): boolean =>
  !!error && codeOf(error) === 'CONFLICT';

const LatestItem = graphql(`
  query LatestItem($type: ContentType!, $id: ID!) {
    item(type: $type, id: $id) {
      id
      version
      values
    }
    revisions(type: $type, id: $id, first: 1) {
      edges {
        node {
          id
          actorLabel
          createdAt
        }
      }
    }
  }
`);

/** Reads an item as it is now, with who saved it last (never from the cache). */
export async function loadLatest(client: Client, type: ContentType, id: string): Promise<Latest> {
  const result = await client
    .query(LatestItem, { type, id }, { requestPolicy: 'network-only' })
    .toPromise();
  if (result.error || !result.data) throw result.error ?? new Error('No answer');
  const last = result.data.revisions.edges[0]?.node;
  return {
    version: result.data.item.version,
    values: result.data.item.values,
    by: last?.actorLabel,
    at: last?.createdAt,
  };
}

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
