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

const BrandPublicAndPreview = graphql(`
  query BrandPublicAndPreview($brand: String!, $treatment: String!) {
    live: treatment(brand: $brand, slug: $treatment) {
      ...BrandPageSide
    }
    preview: treatment(brand: $brand, slug: $treatment, preview: true) {
      ...BrandPageSide
    }
  }
  fragment BrandPageSide on Treatment {
    id
    name
    summaryHtml
    sections {
      key
      heading
      html
    }
    disclaimerHtml
  }
`);

type Page = {
  name?: string;
  summaryHtml?: string;
  sections?: { key: string; heading: string; html: string }[];
  disclaimerHtml?: string | null;
  prices?: { id: string; label: string; isFromPrice: boolean; amount: { formatted: string } }[];
} | null;

/**
 * (The parent remounts it, with a new `key`, after each save or publish.)
 * The public page as delivery serves it now, beside the same page with this
 * brand's drafts applied (delivery with `preview: true`): what publishing
 * changes. With a clinic, the clinic's page (prices, disclaimer); without,
 * the brand's own page (the treatment as no clinic resolves it).
 */
export function PagePreview(props: { brand: string; clinic?: string; treatment: string }) {
  const [clinicPage] = useQuery({
    query: PublicAndPreview,
    variables: { brand: props.brand, clinic: props.clinic ?? '', treatment: props.treatment },
    requestPolicy: 'network-only',
    pause: !props.clinic,
  });
  const [brandPage] = useQuery({
    query: BrandPublicAndPreview,
    variables: { brand: props.brand, treatment: props.treatment },
    requestPolicy: 'network-only',
    pause: !!props.clinic,
  });
  const data = props.clinic
    ? {
        live: clinicPage.data?.live?.treatment ?? null,
        preview: clinicPage.data?.preview?.treatment ?? null,
      }
    : { live: brandPage.data?.live ?? null, preview: brandPage.data?.preview ?? null };
  return (
    <Stack component="section" aria-labelledby="page-preview-title">
      <Title order={2} id="page-preview-title">
        Public page: live and after publishing
      </Title>
      <div className="console-diff">
        <Side title="Live now" page={data.live} />
        <Side title="After publishing (preview)" page={data.preview} />
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
          {page.summaryHtml !== undefined && (
            <>
              <Titled heading={page.name} html={page.summaryHtml} />
              {page.sections?.map((section) => (
                <Titled key={section.key} heading={section.heading} html={section.html} />
              ))}
            </>
          )}
          <ul>
            {page.prices?.map((price) => (
              <li key={price.id}>
                {price.label}: {price.isFromPrice ? 'from ' : ''}
                {price.amount.formatted}
              </li>
            ))}
          </ul>
          <DeliveredHtml html={page.disclaimerHtml ?? ''} />
        </>
      )}
    </section>
  );
}

/** HTML as delivery serves it: sanitized by the server. */
function DeliveredHtml({ html }: { html: string }) {
  return <div className="console-markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Titled({ heading, html }: { heading?: string; html: string }) {
  return (
    <div>
      <Text size="sm" fw={700}>
        {heading}
      </Text>
      <DeliveredHtml html={html} />
    </div>
  );
}
