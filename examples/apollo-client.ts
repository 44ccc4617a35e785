import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';

/** SHA-256 in hex with Web Crypto: the same code runs in browsers, Node and edge runtimes. */
async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One client per browser tab (or per server request): a cache is never shared
 * between visitors. Queries go out as GET with their hash only (APQ), which
 * the API, browsers and CDNs can cache; the default InMemoryCache is right,
 * because every object's `id` names its clinic.
 */
export function createApolloClient(endpoint: string): ApolloClient {
  return new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([
      new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
      new HttpLink({ uri: endpoint }),
    ]),
  });
}

export interface TreatmentPage {
  treatment: {
    id: string;
    itemId: string;
    name: string;
    disclaimerHtml: string | null;
    prices: { id: string; label: string; amount: { formatted: string } }[];
    faqs: { id: string; question: string; answerHtml: string }[];
    jsonLdScript: string;
  } | null;
}

export const TREATMENT_PAGE: TypedDocumentNode<
  TreatmentPage,
  { brand: string; clinic: string; slug: string }
> = gql`
  query TreatmentPage($brand: String!, $clinic: String!, $slug: String!) {
    treatment(brand: $brand, slug: $slug, clinic: $clinic) {
      id
      itemId
      name
      disclaimerHtml
      prices {
        id
        label
        amount {
          formatted
        }
      }
      faqs {
        id
        question
        answerHtml
      }
      jsonLdScript
    }
  }
`;

/** A clinic's treatment page: from the cache when this client has it, else from the API. */
export async function treatmentPage(client: ApolloClient, clinic: string, slug: string) {
  const { data } = await client.query({
    query: TREATMENT_PAGE,
    variables: { brand: 'lumen-aesthetics', clinic, slug },
  });
  return data?.treatment ?? null;
}

export interface PricesNode {
  node: { __typename: string; id: string; prices?: { id: string; label: string }[] } | null;
}

export const PRICES_BY_NODE_ID: TypedDocumentNode<PricesNode, { id: string }> = gql`
  query PricesByNodeId($id: ID!) {
    node(id: $id) {
      id
      ... on Treatment {
        prices {
          id
          label
        }
      }
    }
  }
`;

/** Refetches one object the page shows, by its `id`, bypassing the cache. */
export async function refetchPrices(client: ApolloClient, id: string) {
  const { data } = await client.query({
    query: PRICES_BY_NODE_ID,
    variables: { id },
    fetchPolicy: 'network-only',
  });
  return data?.node ?? null;
}
