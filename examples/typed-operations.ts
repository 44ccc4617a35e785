import { GraphQLClient } from 'graphql-request';
import { graphql } from './gql';

/**
 * `graphql()` is generated from schema.gql by `npm run examples:codegen`:
 * the result and the variables are typed from the operation itself.
 */
const TreatmentPrices = graphql(`
  query TreatmentPrices($brand: String!, $clinic: String!, $slug: String!) {
    treatment(brand: $brand, slug: $slug, clinic: $clinic) {
      id
      prices {
        id
        label
        kind
        isFromPrice
        amount {
          amountMinor
          currency
          formatted
        }
      }
    }
  }
`);

/** A clinic's prices for one treatment, typed end to end. */
export async function treatmentPrices(endpoint: string, clinic: string, slug: string) {
  const client = new GraphQLClient(endpoint, { method: 'GET' });
  const data = await client.request(TreatmentPrices, { brand: 'lumen-aesthetics', clinic, slug });
  return data.treatment?.prices ?? [];
}
