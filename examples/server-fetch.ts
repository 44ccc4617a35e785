/**
 * Next.js extends fetch's options with `next` (its data cache); other
 * runtimes ignore the property, so this code runs unchanged in Node.
 */
type FetchOptions = RequestInit & { next?: { revalidate?: number | false; tags?: string[] } };

const CLINIC_PAGE = /* GraphQL */ `
  query ClinicPage($brand: String!, $clinic: String!) {
    clinic(brand: $brand, slug: $clinic) {
      id
      name
      phone
      address {
        line1
        city
      }
      treatments {
        id
        slug
        name
      }
      jsonLdScript
    }
  }
`;

export interface ClinicPage {
  id: string;
  name: string;
  phone: string | null;
  address: { line1: string; city: string };
  treatments: { id: string; slug: string; name: string }[];
  jsonLdScript: string;
}

/**
 * The data of a clinic page for a server component: a GET, so the API's
 * response cache, a CDN and Next's data cache can all keep it; kept for
 * 60 s, the API's own `max-age`.
 */
export async function fetchClinicPage(
  endpoint: string,
  clinic: string,
): Promise<ClinicPage | null> {
  const url = new URL(endpoint);
  url.searchParams.set('query', CLINIC_PAGE);
  url.searchParams.set('variables', JSON.stringify({ brand: 'lumen-aesthetics', clinic }));
  const options: FetchOptions = { next: { revalidate: 60 } };
  const response = await fetch(url, options);
  const body = (await response.json()) as {
    data?: { clinic: ClinicPage | null };
    errors?: { message: string }[];
  };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data?.clinic ?? null;
}
