import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../api/errors';
import { ChangesPanel } from '../components/ChangesPanel';
import { graphql } from '../gql';

const PlacesOfEditor = graphql(`
  query PlacesOfEditor($brand: String!) {
    editableClinics {
      id
      itemId
      name
      timezone
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

/**
 * The changes tray across every place the editor edits (a region editor's
 * whole region, a brand editor's whole brand), grouped by place: the brand,
 * each region, each clinic.
 */
export default function ChangesPage({ brand }: { brand: string }) {
  const [{ data, error }] = useQuery({ query: PlacesOfEditor, variables: { brand } });
  const [revision, setRevision] = useState(0);
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (!data) return <Loader aria-label="Loading your changes" />;
  const clinics = data.editableClinics;
  const places = {
    clinics: new Map(clinics.map((clinic) => [clinic.itemId, clinic.name])),
    regions: new Map(data.regions.edges.map(({ node }) => [node.itemId, node.name])),
  };
  const timezones = [...new Set(clinics.map((clinic) => clinic.timezone))];
  return (
    <Stack component="section" maw={960}>
      <Title order={1}>Your changes</Title>
      <Text>
        Every draft at the places you edit, grouped by place, waiting to be published: publish them
        together now, or at a time you choose.
      </Text>
      <ChangesPanel
        places={places}
        timezones={timezones.length ? timezones : ['UTC']}
        revision={revision}
        onPublished={() => setRevision((n) => n + 1)}
      />
    </Stack>
  );
}
