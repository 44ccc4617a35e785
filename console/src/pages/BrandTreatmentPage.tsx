import { Alert, Anchor, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { BrandFaqs } from '../components/BrandFaqs';
import { PagePreview } from '../components/PagePreview';
import { type OverrideTarget, RegionOverrides } from '../components/RegionOverrides';
import { TreatmentForm } from '../components/TreatmentForm';
import { mayLeave } from '../forms/unsaved-guard';
import { graphql } from '../gql';
import { NotFoundPage } from './NotFoundPage';

const BrandTreatment = graphql(`
  query BrandTreatment($brand: String!, $slug: String!) {
    brand(slug: $brand, preview: true) {
      id
      viewerCanEditContent {
        allowed
        reason
      }
    }
    treatment(brand: $brand, slug: $slug, preview: true) {
      id
      itemId
      slug
      name
      editable {
        id
        version
        values
        viewerCan {
          edit {
            allowed
            reason
          }
        }
      }
      faqs {
        id
        itemId
        question
        editable {
          id
          version
          values
          hasDraft
          viewerCan {
            edit {
              allowed
              reason
            }
          }
        }
      }
    }
    treatments(brand: $brand, preview: true, first: 100) {
      edges {
        node {
          id
          itemId
          slug
          name
        }
      }
    }
    regions(brand: $brand, preview: true, first: 100) {
      edges {
        node {
          id
          itemId
          name
        }
      }
    }
  }
`);

/** The text fields of the treatment a region may write its own value for on this screen. */
const REGION_TEXT_FIELDS = [
  { field: 'name', label: 'Name' },
  { field: 'summary', label: 'Summary' },
  { field: 'disclaimer', label: 'Disclaimer' },
];

/**
 * One of the brand's treatments as the brand writes it: its page (every
 * field, as drafts), the live page beside the page after publishing, its
 * brand FAQs, and the regions' own values of its text and of its FAQs.
 */
export default function BrandTreatmentPage({ brand, slug }: { brand: string; slug: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: BrandTreatment,
    variables: { brand, slug },
    requestPolicy: 'network-only',
  });
  const [editing, setEditing] = useState(false);
  // Remounts the preview after each save.
  const [revision, setRevision] = useState(0);
  const reload = () => {
    setRevision((n) => n + 1);
    refetch({ requestPolicy: 'network-only' });
  };

  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the treatment" />;
  const treatment = data?.treatment;
  const rights = data?.brand?.viewerCanEditContent;
  if (!treatment?.editable || !rights) return <NotFoundPage what="This treatment" />;
  const editable = treatment.editable;
  const treatments = (data?.treatments.edges ?? []).map(({ node }) => node);
  const faqs = treatment.faqs.filter((faq) => faq.editable);
  const values = editable.values;
  const targets: OverrideTarget[] = [
    ...REGION_TEXT_FIELDS.map(({ field, label }) => ({
      entityType: 'TREATMENT' as const,
      entityId: treatment.itemId,
      field,
      what: label,
      brandValue: values[field],
    })),
    ...faqs.flatMap((faq) =>
      (['question', 'answer'] as const).map((field) => ({
        entityType: 'FAQ' as const,
        entityId: faq.itemId,
        field,
        what: `FAQ “${faq.question}”: ${field}`,
        brandValue: faq.editable!.values[field],
      })),
    ),
  ];

  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href="/brand" size="sm">
        ← Brand content
      </Anchor>
      <Title order={1}>{treatment.name}: the brand’s page</Title>
      <Text>
        What every clinic offering it shows, unless its region or the clinic writes its own value.
        Saves are drafts; publish them in{' '}
        <Anchor component={Link} href="/changes">
          Your changes
        </Anchor>
        .
      </Text>
      {!editable.viewerCan.edit.allowed && (
        <Alert color="gray" role="status">
          {editable.viewerCan.edit.reason}
        </Alert>
      )}
      {editing ? (
        <TreatmentForm
          treatment={editable}
          others={treatments.filter((t) => t.itemId !== treatment.itemId)}
          onSaved={reload}
          onClose={() => setEditing(false)}
        />
      ) : (
        <Button
          maw={320}
          disabled={!editable.viewerCan.edit.allowed}
          title={editable.viewerCan.edit.reason ?? undefined}
          onClick={() => mayLeave() && setEditing(true)}
        >
          Edit the brand’s page
        </Button>
      )}
      <PagePreview key={revision} brand={brand} treatment={slug} />
      <BrandFaqs
        treatment={treatment}
        faqs={faqs}
        treatments={treatments}
        mayAdd={rights}
        onSaved={reload}
      />
      {rights.allowed && (
        <RegionOverrides
          regions={(data?.regions.edges ?? []).map(({ node }) => node)}
          targets={targets}
        />
      )}
    </Stack>
  );
}
