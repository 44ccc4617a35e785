import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useSearch } from 'wouter';
import { describeError } from '../api/errors';
import { TableScroll } from '../components/TableScroll';
import { inZone } from '../api/time';
import { graphql } from '../gql';
import type { ContentType } from '../gql/graphql';
import { NotFoundPage } from './NotFoundPage';

const ItemHistory = graphql(`
  query ItemHistory(
    $brand: String!
    $clinic: String!
    $atClinic: Boolean!
    $type: ContentType!
    $id: ID!
  ) {
    clinic(brand: $brand, slug: $clinic, preview: true) @include(if: $atClinic) {
      id
      slug
      name
      timezone
    }
    item(type: $type, id: $id) {
      id
      type
      version
      values
      viewerCan {
        edit {
          allowed
          reason
        }
      }
    }
    revisions(type: $type, id: $id, first: 50) {
      totalCount
      edges {
        node {
          id
          action
          actorLabel
          createdAt
          changedFields
          version
        }
      }
    }
  }
`);

const RevisionDiff = graphql(`
  query RevisionDiff($from: ID!, $to: ID!) {
    revisionDiff(from: $from, to: $to) {
      field
      from
      to
    }
  }
`);

const RestoreRevision = graphql(`
  mutation RestoreRevision($input: RestoreRevisionInput!) {
    restoreRevision(input: $input) {
      id
      version
    }
  }
`);

const ACTIONS: Record<string, string> = {
  CREATE: 'Created',
  UPDATE: 'Draft saved',
  PUBLISH: 'Published',
  UNPUBLISH: 'Taken off the site',
  DELETE: 'Deleted',
  RESTORE: 'Restored',
  REVIEW: 'Marked reviewed (kept, no longer stale)',
};

const TYPES: Record<string, ContentType> = {
  CLINIC: 'CLINIC',
  CLINIC_TREATMENT: 'CLINIC_TREATMENT',
  FAQ: 'FAQ',
  OVERRIDE: 'OVERRIDE',
  PRICE_ITEM: 'PRICE_ITEM',
  PROVIDER: 'PROVIDER',
  REGION: 'REGION',
  TREATMENT: 'TREATMENT',
};

/** How an editor names an item: its question, label, field or name. */
function titleOf(type: ContentType, values: Record<string, unknown>): string {
  const text = (key: string) => (typeof values[key] === 'string' ? String(values[key]) : null);
  if (type === 'FAQ') return `FAQ “${text('question')}”`;
  if (type === 'PRICE_ITEM') return `Price “${text('label')}”`;
  if (type === 'OVERRIDE') return `This clinic’s ${text('field')}`;
  return text('name') ?? type;
}

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(empty)';
  return typeof value === 'object' ? JSON.stringify(value) : String(value as string | number);
};

/** The browser's time zone: brand-wide items have no clinic clock. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An item's history: who changed what and when, a diff of any two revisions,
 * restore. Opened from a clinic (its items, on its clock) or, without one,
 * for a brand-wide item (a treatment, a brand FAQ) on the browser's clock.
 */
export default function HistoryPage(props: {
  brand: string;
  clinic?: string;
  type: string;
  id: string;
}) {
  const type = TYPES[props.type];
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ItemHistory,
    variables: {
      brand: props.brand,
      clinic: props.clinic ?? '',
      atClinic: props.clinic !== undefined,
      type: type ?? 'FAQ',
      id: props.id,
    },
    pause: !type,
    requestPolicy: 'cache-and-network',
  });
  const revisions = (data?.revisions.edges ?? []).map((edge) => edge.node);
  // ?revision=<id> (a link from the audit log): that change is marked and compared with the one before.
  const linked = new URLSearchParams(useSearch()).get('revision');
  const linkedAt = revisions.findIndex((r) => r.id === linked);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const older = from ?? revisions[linkedAt >= 0 ? linkedAt + 1 : 1]?.id ?? null;
  const newer = to ?? revisions[Math.max(linkedAt, 0)]?.id ?? null;
  const [diff] = useQuery({
    query: RevisionDiff,
    variables: { from: older ?? '', to: newer ?? '' },
    pause: !older || !newer || older === newer,
  });
  const [restoring, restore] = useMutation(RestoreRevision);
  const [restored, setRestored] = useState<string | null>(null);

  if (!type) return <NotFoundPage what="This history" />;
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the history" />;
  const item = data?.item;
  const clinic = data?.clinic;
  if (!item || (props.clinic !== undefined && !clinic)) {
    return <NotFoundPage what="This history" />;
  }
  const place = clinic
    ? { href: `/clinics/${clinic.slug}`, name: clinic.name, clock: `the clinic’s clock` }
    : { href: '/brand', name: 'Brand content', clock: 'your computer’s clock' };
  const timezone = clinic?.timezone ?? LOCAL_ZONE;
  const title = titleOf(item.type, item.values);
  const when = (instant: string) => `${inZone(timezone, instant)}`;
  const label = (id: string) => {
    const revision = revisions.find((r) => r.id === id);
    return revision
      ? `Version ${revision.version}: ${ACTIONS[revision.action]}, ${when(revision.createdAt)}`
      : id;
  };

  async function restoreRevision(revisionId: string, version: number) {
    setRestored(null);
    const result = await restore({ input: { revisionId, version: item!.version } });
    if (result.error) return;
    setRestored(`Version ${version} is the draft again: publish it to make it live.`);
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href={place.href} size="sm">
        ← {place.name}
      </Anchor>
      <Title order={1}>History of {title}</Title>
      <Text size="sm">
        Every change, newest first (times on {place.clock}, {timezone}). Restoring a version makes
        it the draft again; the public page changes when it is published.
      </Text>
      {!item.viewerCan.edit.allowed && <Text size="sm">{item.viewerCan.edit.reason}</Text>}
      {restoring.error && (
        <Alert color="red" role="alert">
          {describeError(restoring.error)}
        </Alert>
      )}
      {restored && (
        <Alert color="green" role="status">
          {restored}
        </Alert>
      )}
      <TableScroll label="Revisions (scrolls sideways)">
        <Table aria-label="Revisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>Fields</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {revisions.map((revision) => (
              <Table.Tr
                key={revision.id}
                data-version={revision.version}
                aria-current={revision.id === linked ? 'true' : undefined}
                className={revision.id === linked ? 'console-linked-row' : undefined}
              >
                <Table.Th scope="row">{revision.version}</Table.Th>
                <Table.Td>{when(revision.createdAt)}</Table.Td>
                <Table.Td>{revision.actorLabel}</Table.Td>
                <Table.Td>{ACTIONS[revision.action]}</Table.Td>
                <Table.Td>{revision.changedFields.join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={
                      !item.viewerCan.edit.allowed ||
                      revision.action === 'DELETE' ||
                      revision.version === item.version
                    }
                    loading={restoring.fetching}
                    onClick={() => restoreRevision(revision.id, revision.version)}
                  >
                    Restore version {revision.version}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {revisions.length >= 2 && (
        <Stack component="section" aria-labelledby="compare-title" gap="xs">
          <Title order={2} size="h3" id="compare-title">
            Compare two versions
          </Title>
          <Group grow align="flex-end">
            <NativeSelect
              label="From"
              value={older ?? ''}
              onChange={(e) => setFrom(e.currentTarget.value)}
              data={revisions.map((r) => ({ value: r.id, label: label(r.id) }))}
            />
            <NativeSelect
              label="To"
              value={newer ?? ''}
              onChange={(e) => setTo(e.currentTarget.value)}
              data={revisions.map((r) => ({ value: r.id, label: label(r.id) }))}
            />
          </Group>
          {diff.error && <Text size="sm">{describeError(diff.error)}</Text>}
          {diff.data && diff.data.revisionDiff.length === 0 && (
            <Text size="sm">The two versions hold the same values.</Text>
          )}
          {diff.data && diff.data.revisionDiff.length > 0 && (
            <TableScroll label="Differences (scrolls sideways)">
              <Table aria-label="Differences between the two versions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>From</Table.Th>
                    <Table.Th>To</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.data.revisionDiff.map((change) => (
                    <Table.Tr key={change.field}>
                      <Table.Th scope="row">{change.field}</Table.Th>
                      <Table.Td className="console-value">{show(change.from)}</Table.Td>
                      <Table.Td className="console-value">{show(change.to)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </Stack>
      )}
    </Stack>
  );
}
