import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';

const EditableClinics = graphql(`
  query EditableClinics($search: String) {
    editableClinics(search: $search) {
      id
      slug
      name
      address {
        city
      }
      region {
        name
      }
      workSummary {
        draftCount
        staleOverrideCount
        missingRequiredCount
      }
    }
  }
`);

/** The start page: the clinics this editor may edit (the API decides which), with what waits there. */
export function ClinicsPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [{ data, fetching, error }] = useQuery({
    query: EditableClinics,
    variables: { search: debounced || null },
  });
  const clinics = data?.editableClinics ?? [];

  return (
    <Stack component="section" maw={960}>
      <Title order={1}>Your clinics</Title>
      <TextInput
        label="Search by name or city"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={360}
      />
      {error && (
        <Alert color="red" role="alert">
          {describeError(error)}
        </Alert>
      )}
      {fetching && !data && <Loader aria-label="Loading clinics" />}
      {data && clinics.length === 0 && <Text>No clinic matches.</Text>}
      {clinics.length > 0 && (
        <TableScroll label="Clinics (scrolls sideways)">
          <Table striped aria-label="Clinics you may edit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Clinic</Table.Th>
                <Table.Th>City</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Waiting</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clinics.map((clinic) => (
                <Table.Tr key={clinic.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/clinics/${clinic.slug}`}>
                      {clinic.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{clinic.address.city}</Table.Td>
                  <Table.Td>{clinic.region?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <WorkBadges summary={clinic.workSummary} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

interface Summary {
  draftCount: number;
  staleOverrideCount: number;
  missingRequiredCount: number;
}

export function WorkBadges({ summary }: { summary: Summary | null | undefined }) {
  if (!summary) return null;
  const { draftCount, staleOverrideCount, missingRequiredCount } = summary;
  if (draftCount + staleOverrideCount + missingRequiredCount === 0) {
    return <Text size="sm">Nothing waiting</Text>;
  }
  return (
    <Group gap={6}>
      {draftCount > 0 && (
        <Badge color="blue" variant="light">
          {draftCount} {draftCount === 1 ? 'draft' : 'drafts'}
        </Badge>
      )}
      {staleOverrideCount > 0 && (
        <Badge color="yellow" variant="filled" c="black">
          {staleOverrideCount} stale
        </Badge>
      )}
      {missingRequiredCount > 0 && (
        <Badge color="red" variant="filled">
          {missingRequiredCount} missing
        </Badge>
      )}
    </Group>
  );
}
