import { Client, fetchExchange, gql } from '@urql/core';

/** urql sends queries as GET by default (within the URL length limit). */
export function createUrqlClient(endpoint: string): Client {
  return new Client({ url: endpoint, exchanges: [fetchExchange] });
}

const CLINIC_LOCATOR = gql<
  {
    clinics: { totalCount: number; edges: { node: { id: string; slug: string; name: string } }[] };
  },
  { brand: string; region: string }
>`
  query ClinicLocator($brand: String!, $region: String!) {
    clinics(brand: $brand, filter: { region: $region }, first: 20) {
      totalCount
      edges {
        node {
          id
          slug
          name
        }
      }
    }
  }
`;

/** The clinics of one region, for a locator page. */
export async function clinicsInRegion(client: Client, region: string) {
  const result = await client
    .query(CLINIC_LOCATOR, { brand: 'lumen-aesthetics', region })
    .toPromise();
  if (result.error) throw result.error;
  return result.data?.clinics.edges.map((edge) => edge.node) ?? [];
}
