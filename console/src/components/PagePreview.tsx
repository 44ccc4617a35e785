import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { graphql } from '../gql';

const PublicAndPreview = graphql(`
  query PublicAndPreview($brand: String!, $clinic: String!, $treatment: String!) {
    live: clinic(brand: $brand, slug: $clinic) {
      id
      treatment(slug: $treatment) {
        id
        disclaimerHtml
        prices {
          id
          label
          isFromPrice
          amount {
            formatted
          }
        }
      }
    }
    preview: clinic(brand: $brand, slug: $clinic, preview: true) {
      id
      treatment(slug: $treatment) {
        id
        disclaimerHtml
        prices {
          id
          label
          isFromPrice
          amount {
            formatted
          }
        }
      }
    }
  }
`);

type Page = {
  disclaimerHtml?: string | null;
  prices: { id: string; label: string; isFromPrice: boolean; amount: { formatted: string } }[];
} | null;

/**
 * (The parent remounts it, with a new `key`, after each save or publish.)
 * The public page as delivery serves it now, beside the same page with this
 * brand's drafts applied (delivery with `preview: true`): what publishing changes.
 */
export function PagePreview(props: { brand: string; clinic: string; treatment: string }) {
  const [{ data }] = useQuery({
    query: PublicAndPreview,
    variables: { brand: props.brand, clinic: props.clinic, treatment: props.treatment },
    requestPolicy: 'network-only',
  });
  return (
    <Stack component="section" aria-labelledby="page-preview-title">
      <Title order={2} id="page-preview-title">
        Public page: live and after publishing
      </Title>
      <div className="console-diff">
        <Side title="Live now" page={data?.live?.treatment ?? null} />
        <Side title="After publishing (preview)" page={data?.preview?.treatment ?? null} />
      </div>
    </Stack>
  );
}

function Side({ title, page }: { title: string; page: Page }) {
  const id = `side-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={id}>
      <Text fw={700} id={id}>
        {title}
      </Text>
      {page && (
        <>
          <ul>
            {page.prices.map((price) => (
              <li key={price.id}>
                {price.label}: {price.isFromPrice ? 'from ' : ''}
                {price.amount.formatted}
              </li>
            ))}
          </ul>
          <div
            className="console-markdown"
            // Sanitized by the server (delivery's own HTML).
            dangerouslySetInnerHTML={{ __html: page.disclaimerHtml ?? '' }}
          />
        </>
      )}
    </section>
  );
}
