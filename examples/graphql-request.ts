import { gql, GraphQLClient } from 'graphql-request';

/** `method: 'GET'` makes answers cacheable by the API, browsers and CDNs. */
export function createGraphqlRequestClient(endpoint: string): GraphQLClient {
  return new GraphQLClient(endpoint, { method: 'GET' });
}

const CLINIC_FAQS = gql`
  query ClinicFaqs($brand: String!, $clinic: String!, $treatment: String!) {
    faqs(brand: $brand, clinic: $clinic, treatment: $treatment, first: 50) {
      edges {
        node {
          id
          question
          answerHtml
        }
      }
    }
  }
`;

interface ClinicFaqs {
  faqs: { edges: { node: { id: string; question: string; answerHtml: string } }[] };
}

/** The FAQs a clinic shows about one treatment, in its order. */
export async function clinicFaqs(client: GraphQLClient, clinic: string, treatment: string) {
  const data = await client.request<ClinicFaqs>(CLINIC_FAQS, {
    brand: 'lumen-aesthetics',
    clinic,
    treatment,
  });
  return data.faqs.edges.map((edge) => edge.node);
}
