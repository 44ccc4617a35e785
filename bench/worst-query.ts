/**
 * The most work one document may ask for under the query limits
 * (src/graphql/query-limits.ts), on the scale seed: a full page of 100
 * clinics, each with two treatments resolved for it and their JSON-LD
 * (offers from the clinic's prices), the most expensive field per unit of
 * cost, for a cost just under MAX_COST. `npm run bench` times it on the
 * 10,000-clinic brand (`worstQueryMs`), which must stay under a second.
 */
export const WORST_QUERY = `query Worst($brand: String!) {
  clinics(brand: $brand, first: 100) {
    edges { node {
      a: treatment(slug: "micro-needling") { jsonLd }
      b: treatment(slug: "chemical-peel") { jsonLd }
    } }
  }
}`;
