import { Alert, Anchor, Badge, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { TableScroll } from '../components/TableScroll';
import { graphql } from '../gql';
import { NotFoundPage } from './NotFoundPage';

const ResolvedTreatment = graphql(`
  query ResolvedTreatment($brand: String!, $clinic: String!, $treatment: String!) {
    clinic(brand: $brand, slug: $clinic, preview: true) {
      id
      slug
      name
      viewerCan {
        edit {
          allowed
          reason
        }
      }
      treatment(slug: $treatment) {
        id
        name
        summary
        disclaimer
        aliases
        contraindications
        aftercare
        combinesWith
        fieldSources {
          field
          scope
          stale
          missing
        }
      }
    }
  }
`);

const SOURCE_NAMES: Record<string, string> = {
  BRAND: 'Brand',
  REGION: 'Region',
  CLINIC: 'This clinic',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return String(value);
}

/** The treatment as this clinic shows it: every field, its value and where it comes from. */
export default function TreatmentPage(props: { brand: string; clinic: string; treatment: string }) {
  const [{ data, fetching, error }] = useQuery({ query: ResolvedTreatment, variables: props });
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the treatment" />;
  const clinic = data?.clinic;
  const treatment = clinic?.treatment;
  if (!clinic || !treatment || !clinic.viewerCan.edit.allowed) {
    return <NotFoundPage what="This treatment page" />;
  }
  const values = treatment as unknown as Record<string, unknown>;
  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href={`/clinics/${clinic.slug}`} size="sm">
        ← {clinic.name}
      </Anchor>
      <Title order={1}>
        {treatment.name} at {clinic.name}
      </Title>
      <Text>Every field as this clinic shows it, and where its value comes from.</Text>
      <TableScroll label="Fields (scrolls sideways)">
        <Table aria-label="Fields of the treatment page">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Field</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Comes from</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {treatment.fieldSources.map((source) => (
              <Table.Tr key={source.field} data-field={source.field}>
                <Table.Th scope="row">{source.field}</Table.Th>
                <Table.Td className="console-value">{show(values[source.field])}</Table.Td>
                <Table.Td>{SOURCE_NAMES[source.scope] ?? source.scope}</Table.Td>
                <Table.Td>
                  {source.stale && (
                    <Badge color="orange" variant="light">
                      Stale: the brand changed it
                    </Badge>
                  )}
                  {source.missing && (
                    <Badge color="red" variant="light">
                      Missing: this clinic must set it
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
