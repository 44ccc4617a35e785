import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { describeError } from '../api/errors';
import { ChangesPanel } from '../components/ChangesPanel';
import { graphql } from '../gql';

const PlacesOfEditor = graphql(`
  query PlacesOfEditor {
    editableClinics {
      id
      itemId
      name
      timezone
    }
  }
`);

/**
 * The changes tray across every place the editor edits (a region editor's
 * whole region), each draft named with its clinic.
 */
export default function ChangesPage() {
  const [{ data, error }] = useQuery({ query: PlacesOfEditor });
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
  const names = new Map(clinics.map((clinic) => [clinic.itemId, clinic.name]));
  const timezones = [...new Set(clinics.map((clinic) => clinic.timezone))];
  return (
    <Stack component="section" maw={960}>
      <Title order={1}>Your changes</Title>
      <Text>
        Every draft at the clinics and regions you edit, waiting to be published: publish them
        together now, or at a time you choose.
      </Text>
      <ChangesPanel
        clinicNames={names}
        timezones={timezones.length ? timezones : ['UTC']}
        revision={revision}
        onPublished={() => setRevision((n) => n + 1)}
      />
    </Stack>
  );
}
