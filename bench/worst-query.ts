/**
 * The most work one document may ask for under the query limits
 * (src/graphql/query-limits.ts): a full page of 100 clinics, each with every
 * computed field of its treatments, providers and FAQs (JSON-LD, Markdown →
 * HTML), costing just under MAX_COST. `npm run bench` times it on the
 * 10,000-clinic brand (`worstQueryMs`), which must stay under a second.
 */
export const WORST_QUERY = `query Worst($brand: String!) {
  clinics(brand: $brand, first: 100) {
    edges { node {
      jsonLd
      treatments { jsonLd }
      providers { jsonLd bioHtml }
      faqs { answerHtml }
    } }
  }
}`;
