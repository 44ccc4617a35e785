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
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { onThisClock as when } from '../../api/time';
import { describeError } from '../../api/errors';
import { describeItem } from '../../api/item-names';
import { CursorPager, useCursors } from '../../components/CursorPager';
import { TableScroll } from '../../components/TableScroll';
import { graphql } from '../../gql';
import type { AuditLogQuery, ContentType } from '../../gql/graphql';

const People = graphql(`
  query AuditLogFilters {
    users {
      id
      email
      displayName
    }
    apiKeys {
      id
      name
      prefix
    }
    editableClinics {
      itemId
      slug
    }
  }
`);

const Log = graphql(`
  query AuditLog(
    $after: String
    $action: String
    $userId: ID
    $apiKeyId: ID
    $targetId: String
    $since: DateTime
    $until: DateTime
  ) {
    auditLog(
      first: 25
      after: $after
      action: $action
      userId: $userId
      apiKeyId: $apiKeyId
      targetId: $targetId
      since: $since
      until: $until
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actorKind
          actorLabel
          targetType
          targetId
          createdAt
          revisionId
          item {
            type
            id
            values
            clinicIds
          }
        }
      }
    }
  }
`);

type Entry = AuditLogQuery['auditLog']['edges'][number]['node'];

/** A day picked in the browser ("2031-01-15"), as the instant it starts on the browser's clock. */
const dayStart = (day: string, plusDays = 0): string | null => {
  const start = new Date(`${day}T00:00:00`);
  if (Number.isNaN(start.getTime())) return null;
  start.setDate(start.getDate() + plusDays);
  return start.toISOString();
};

/**
 * Where the console shows a content item: its clinic's page for it, or for a
 * brand-wide item the brand content screens (a treatment its own page).
 */
function itemPage(type: ContentType, clinic: string | undefined, values: unknown): string {
  if (!clinic) {
    const slug = (values as { slug?: unknown } | null)?.slug;
    return type === 'TREATMENT' && typeof slug === 'string'
      ? `/brand/treatments/${slug}`
      : '/brand';
  }
  if (type === 'FAQ') return `/clinics/${clinic}/faqs`;
  if (type === 'PROVIDER') return `/clinics/${clinic}/providers`;
  return `/clinics/${clinic}`;
}

const NO_FILTERS = { userId: '', apiKeyId: '', action: '', targetId: '', from: '', to: '' };

/**
 * The brand's audit log for its admins: who did what to which item and
 * when, filtered by person, API key, action, item and days; each content
 * entry links to the item and to the revision it recorded in the item's
 * history.
 */
export default function AuditLogPage() {
  const [options] = useQuery({ query: People });
  const [filters, setFilters] = useState(NO_FILTERS);
  const pages = useCursors();
  const [log] = useQuery({
    query: Log,
    variables: {
      after: pages.after,
      userId: filters.userId || null,
      apiKeyId: filters.apiKeyId || null,
      action: filters.action.trim().toUpperCase() || null,
      targetId: filters.targetId.trim() || null,
      since: filters.from ? dayStart(filters.from) : null,
      until: filters.to ? dayStart(filters.to, 1) : null,
    },
    requestPolicy: 'cache-and-network',
  });
  const set = (key: keyof typeof NO_FILTERS) => (value: string) => {
    setFilters({ ...filters, [key]: value });
    pages.reset();
  };
  const slugs = new Map(
    (options.data?.editableClinics ?? []).map((clinic) => [clinic.itemId, clinic.slug]),
  );
  const page = log.data?.auditLog;
  const entries = page?.edges.map((edge) => edge.node) ?? [];
  const error = options.error ?? log.error;

  /** The item an entry is about, linked where the console shows it. */
  function itemCell(entry: Entry) {
    const item = entry.item;
    if (!item) {
      return entry.targetType ? (
        <Text size="sm">
          {entry.targetType} {entry.targetId}
        </Text>
      ) : (
        <Text size="sm">—</Text>
      );
    }
    const name = describeItem(item.type, item.values);
    const clinic = item.clinicIds.map((id) => slugs.get(id)).find(Boolean);
    // A brand-wide item (no clinic) has its history at the brand level.
    const historyOf = clinic ? `/clinics/${clinic}/history` : '/brand/history';
    return (
      <Stack gap={2}>
        <Anchor component={Link} href={itemPage(item.type, clinic, item.values)} size="sm">
          {name}
          {clinic ? '' : ' (brand-wide)'}
        </Anchor>
        <Anchor
          component={Link}
          size="xs"
          href={`${historyOf}/${item.type}/${item.id}${
            entry.revisionId ? `?revision=${entry.revisionId}` : ''
          }`}
          aria-label={`${entry.revisionId ? 'This change in its history' : 'History'}: ${name}`}
        >
          {entry.revisionId ? 'This change in its history' : 'History'}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack component="section" maw={1200}>
      <Title order={1}>Audit log</Title>
      <Text>
        Every write and sign-in of your brand, newest first (times on your computer’s clock).
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error)}
        </Alert>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label="Filters">
        <NativeSelect
          label="Person"
          value={filters.userId}
          onChange={(e) => set('userId')(e.currentTarget.value)}
          data={[
            { value: '', label: 'Everyone' },
            ...(options.data?.users ?? []).map((user) => ({
              value: user.id,
              label: user.displayName ? `${user.displayName} (${user.email})` : user.email,
            })),
          ]}
        />
        <NativeSelect
          label="API key"
          value={filters.apiKeyId}
          onChange={(e) => set('apiKeyId')(e.currentTarget.value)}
          data={[
            { value: '', label: 'Any key' },
            ...(options.data?.apiKeys ?? []).map((key) => ({
              value: key.id,
              label: `${key.name} (${key.prefix}…)`,
            })),
          ]}
        />
        <TextInput
          label="Action"
          placeholder="e.g. CONTENT_PUBLISH"
          value={filters.action}
          onChange={(e) => set('action')(e.currentTarget.value)}
        />
        <TextInput
          label="Item id"
          value={filters.targetId}
          onChange={(e) => set('targetId')(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="From"
          value={filters.from}
          onChange={(e) => set('from')(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="To (inclusive)"
          value={filters.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
        />
        <Button
          variant="default"
          onClick={() => {
            setFilters(NO_FILTERS);
            pages.reset();
          }}
        >
          Clear filters
        </Button>
      </Group>
      {log.fetching && !page && <Loader aria-label="Loading the audit log" />}
      {page && (
        <Text size="sm" role="status">
          {page.totalCount === 0
            ? 'No entries match.'
            : `${page.totalCount} entr${page.totalCount === 1 ? 'y' : 'ies'}.`}
        </Text>
      )}
      {entries.length > 0 && (
        <TableScroll label="Audit log entries (scrolls sideways)">
          <Table aria-label="Audit log entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Who</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>Filter</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <Table.Tr key={entry.id} data-entry={entry.id}>
                  <Table.Th scope="row">{when(entry.createdAt)}</Table.Th>
                  <Table.Td>
                    {entry.actorLabel}
                    {entry.actorKind !== 'USER' && (
                      <Text size="xs" c="dimmed">
                        {entry.actorKind === 'API_KEY' ? 'API key' : entry.actorKind.toLowerCase()}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{entry.action}</Table.Td>
                  <Table.Td>{itemCell(entry)}</Table.Td>
                  <Table.Td>
                    {entry.targetId && entry.targetId !== filters.targetId && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={`Only this item: ${entry.targetType} ${entry.targetId}`}
                        onClick={() => set('targetId')(entry.targetId!)}
                      >
                        Only this item
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <CursorPager pages={pages} pageInfo={page?.pageInfo} />
    </Stack>
  );
}
