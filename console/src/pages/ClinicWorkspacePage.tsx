import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { graphql } from '../gql';
import { WorkBadges } from './ClinicsPage';
import { mayLeave } from '../forms/unsaved-guard';
import { NotFoundPage } from './NotFoundPage';

// Loaded when first opened: the workspace itself stays small.
const ClinicDetailsForm = lazy(() => import('../components/ClinicDetailsForm'));

const ClinicWorkspace = graphql(`
  query ClinicWorkspace($brand: String!, $slug: String!) {
    clinic(brand: $brand, slug: $slug, preview: true) {
      id
      itemId
      slug
      name
      phone
      email
      timezone
      status
      address {
        line1
        line2
        city
        region
        postalCode
        country
      }
      openingHours {
        day
        opens
        closes
      }
      viewerCan {
        edit {
          allowed
          reason
        }
      }
      workSummary {
        draftCount
        staleOverrideCount
        missingRequiredCount
      }
      treatments {
        id
        slug
        name
        fieldSources {
          field
          stale
          missing
        }
      }
    }
  }
`);

const DAY_NAMES: Record<string, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

/** A clinic's workspace: details, opening hours (in its time zone) and the treatments it offers. */
export default function ClinicWorkspacePage({ brand, slug }: { brand: string; slug: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ClinicWorkspace,
    variables: { brand, slug },
  });
  const [editingDetails, setEditingDetails] = useState(false);
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the clinic" />;
  const clinic = data?.clinic;
  if (!clinic) return <NotFoundPage what="This clinic" />;
  if (!clinic.viewerCan.edit.allowed) {
    // The API's own answer decides: editors may read every clinic of the
    // brand, but the workspace is for the clinics they edit.
    return (
      <Stack component="section">
        <Title order={1}>You cannot edit {clinic.name}</Title>
        <Alert color="yellow" role="alert">
          {clinic.viewerCan.edit.reason}
        </Alert>
        <Anchor component={Link} href="/">
          Back to your clinics
        </Anchor>
      </Stack>
    );
  }

  const { address } = clinic;
  return (
    <Stack component="section" maw={1100} data-testid="workspace-ready">
      <Anchor component={Link} href="/" size="sm">
        ← Your clinics
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{clinic.name}</Title>
        <WorkBadges summary={clinic.workSummary} />
      </Group>
      <div className="console-two-columns">
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            Details
          </Title>
          <Text>{address.line1}</Text>
          {address.line2 && <Text>{address.line2}</Text>}
          <Text>
            {address.city}
            {address.region ? `, ${address.region}` : ''} {address.postalCode ?? ''}
          </Text>
          <Text>{address.country}</Text>
          {clinic.phone && <Text mt="xs">Phone: {clinic.phone}</Text>}
          {clinic.email && <Text>Email: {clinic.email}</Text>}
          <Text mt="xs">Status: {clinic.status.replace(/_/g, ' ').toLowerCase()}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            Opening hours
          </Title>
          <Text size="sm" mb="xs">
            Times in the clinic’s time zone, {clinic.timezone}.
          </Text>
          <Table aria-label="Opening hours">
            <Table.Tbody>
              {clinic.openingHours.map((interval, index) => (
                <Table.Tr key={`${interval.day}-${index}`}>
                  <Table.Th scope="row">{DAY_NAMES[interval.day]}</Table.Th>
                  <Table.Td>
                    {interval.opens}–{interval.closes}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </div>
      <Group>
        <Button
          variant="default"
          disabled={editingDetails}
          onClick={() => mayLeave() && setEditingDetails(true)}
        >
          Edit details and hours
        </Button>
      </Group>
      {editingDetails && (
        <Suspense fallback={<Loader size="sm" aria-label="Loading the form" />}>
          <ClinicDetailsForm
            clinicId={clinic.itemId}
            onSaved={() => refetch({ requestPolicy: 'network-only' })}
            onClose={() => setEditingDetails(false)}
          />
        </Suspense>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          This clinic’s lists
        </Title>
        <Group gap="lg">
          <Anchor component={Link} href={`/clinics/${clinic.slug}/faqs`}>
            FAQs shown here
          </Anchor>
          <Anchor component={Link} href={`/clinics/${clinic.slug}/providers`}>
            Providers working here
          </Anchor>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h3" mb="sm">
          Treatments offered here
        </Title>
        <List listStyleType="none" spacing="xs">
          {clinic.treatments.map((treatment) => {
            const stale = treatment.fieldSources.filter((s) => s.stale).length;
            const missing = treatment.fieldSources.filter((s) => s.missing).length;
            return (
              <List.Item key={treatment.id}>
                <Group gap="xs">
                  <Anchor
                    component={Link}
                    href={`/clinics/${clinic.slug}/treatments/${treatment.slug}`}
                  >
                    {treatment.name}
                  </Anchor>
                  {stale > 0 && (
                    <Badge color="yellow" variant="filled" c="black">
                      {stale} stale
                    </Badge>
                  )}
                  {missing > 0 && (
                    <Badge color="red" variant="filled">
                      {missing} missing
                    </Badge>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      </Paper>
    </Stack>
  );
}
