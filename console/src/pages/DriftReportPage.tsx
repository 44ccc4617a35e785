import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Fragment, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { CursorPager, PAGE_LABELS, useCursors } from '../components/CursorPager';
import { TableScroll } from '../components/TableScroll';
import { showValue, ValueDiff } from '../components/ValueDiff';
import { graphql } from '../gql';
import type { DriftKind, DriftReportQuery } from '../gql/graphql';

const Filters = graphql(`
  query DriftReportFilters {
    driftFilters {
      regions {
        itemId
        name
      }
      treatments {
        itemId
        name
      }
      fields
    }
  }
`);

const Report = graphql(`
  query DriftReport(
    $regionId: ID
    $treatmentId: ID
    $field: String
    $kind: DriftKind
    $after: String
  ) {
    driftReport(
      regionId: $regionId
      treatmentId: $treatmentId
      field: $field
      kind: $kind
      first: 50
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          scope
          field
          brandValue
          value
          clinic {
            name
            slug
          }
          region {
            name
          }
          treatment {
            name
          }
          override {
            id
            version
            viewerCan {
              edit {
                allowed
                reason
              }
            }
          }
        }
      }
    }
  }
`);

const ResetOverrides = graphql(`
  mutation ResetOverrides($input: DriftOverridesInput!) {
    resetOverrides(input: $input) {
      id
    }
  }
`);

const MarkReviewed = graphql(`
  mutation MarkOverridesReviewed($input: DriftOverridesInput!) {
    markOverridesReviewed(input: $input) {
      id
    }
  }
`);

type Row = DriftReportQuery['driftReport']['edges'][number]['node'];

const PAGE_SIZE = 50;
const KIND_NAMES: Record<DriftKind, string> = {
  STALE: 'Stale override',
  MISSING: 'Missing value',
};

/** Where a row is, as an editor names it. */
const placeOf = (row: Row) =>
  row.clinic ? row.clinic.name : `${row.region?.name ?? 'A region'} (region)`;

/**
 * Every clinic and region that drifts from the brand: overrides written
 * before the brand changed the field (stale) and required values no one set
 * (missing), with the brand's value beside the place's, and the stale ones
 * reset to inherited or marked reviewed in bulk.
 */
export default function DriftReportPage() {
  const [filters] = useQuery({ query: Filters });
  const [regionId, setRegionId] = useState('');
  const [treatmentId, setTreatmentId] = useState('');
  const [field, setField] = useState('');
  const [kind, setKind] = useState('');
  const pages = useCursors();
  const [report, refetch] = useQuery({
    query: Report,
    variables: {
      regionId: regionId || null,
      treatmentId: treatmentId || null,
      field: field || null,
      kind: (kind || null) as DriftKind | null,
      after: pages.after,
    },
    requestPolicy: 'cache-and-network',
  });
  const [selected, setSelected] = useState<Map<string, { id: string; version: number }>>(new Map());
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [resetting, reset] = useMutation(ResetOverrides);
  const [reviewing, markReviewed] = useMutation(MarkReviewed);
  const [done, setDone] = useState<string | null>(null);

  /** A filter changed: back to the first page, nothing selected. */
  const filterBy = (set: (value: string) => void) => (value: string) => {
    set(value);
    pages.reset();
    setSelected(new Map());
    setDone(null);
  };

  async function act(action: 'reset' | 'review') {
    setDone(null);
    const input = { overrides: [...selected.values()] };
    const result = action === 'reset' ? await reset({ input }) : await markReviewed({ input });
    if (result.error) return;
    const n = selected.size;
    setDone(
      action === 'reset'
        ? `Reset ${n} override${n === 1 ? '' : 's'} to inherited: publish the change${n === 1 ? '' : 's'} in Your changes to update the sites.`
        : `Marked ${n} override${n === 1 ? '' : 's'} reviewed: kept, and no longer stale once published.`,
    );
    setSelected(new Map());
    refetch({ requestPolicy: 'network-only' });
  }

  const options = filters.data?.driftFilters;
  const page = report.data?.driftReport;
  const rows = page?.edges.map((edge) => edge.node) ?? [];
  const first = pages.index * PAGE_SIZE;
  const actionError = resetting.error ?? reviewing.error;
  return (
    <Stack component="section" maw={1200}>
      <Title order={1}>Drift report</Title>
      <Text>
        Every clinic and region whose own value is stale (the brand changed the field after they
        wrote it) or that misses a value the brand requires, on the brand’s working copy (drafts
        included).
      </Text>
      {(filters.error ?? report.error) && (
        <Alert color="red" role="alert">
          {describeError((filters.error ?? report.error)!)}
        </Alert>
      )}
      <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label="Filters">
        <NativeSelect
          label="Region"
          value={regionId}
          onChange={(e) => filterBy(setRegionId)(e.currentTarget.value)}
          data={[
            { value: '', label: 'All regions' },
            ...(options?.regions ?? []).map((r) => ({ value: r.itemId, label: r.name })),
          ]}
        />
        <NativeSelect
          label="Treatment"
          value={treatmentId}
          onChange={(e) => filterBy(setTreatmentId)(e.currentTarget.value)}
          data={[
            { value: '', label: 'All treatments' },
            ...(options?.treatments ?? []).map((t) => ({ value: t.itemId, label: t.name })),
          ]}
        />
        <NativeSelect
          label="Field"
          value={field}
          onChange={(e) => filterBy(setField)(e.currentTarget.value)}
          data={[{ value: '', label: 'All fields' }, ...(options?.fields ?? [])]}
        />
        <NativeSelect
          label="Kind"
          value={kind}
          onChange={(e) => filterBy(setKind)(e.currentTarget.value)}
          data={[
            { value: '', label: 'Stale and missing' },
            { value: 'STALE', label: KIND_NAMES.STALE },
            { value: 'MISSING', label: KIND_NAMES.MISSING },
          ]}
        />
      </Group>
      {actionError && (
        <Alert color="red" role="alert">
          {describeError(actionError)}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          disabled={selected.size === 0}
          loading={resetting.fetching}
          onClick={() => act('reset')}
        >
          Reset selected to inherited ({selected.size})
        </Button>
        <Button
          variant="default"
          disabled={selected.size === 0}
          loading={reviewing.fetching}
          onClick={() => act('review')}
        >
          Mark selected reviewed ({selected.size})
        </Button>
      </Group>
      {report.fetching && !page && <Loader aria-label="Loading the drift report" />}
      {page && (
        <Text size="sm" aria-live="polite">
          {page.totalCount === 0
            ? 'Nothing drifts from the brand here.'
            : `Rows ${first + 1}–${first + rows.length} of ${page.totalCount}`}
        </Text>
      )}
      {rows.length > 0 && (
        <TableScroll label="Drift report (scrolls sideways)">
          <Table aria-label="Places that drift from the brand">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Select</Table.Th>
                <Table.Th>Place</Table.Th>
                <Table.Th>Treatment</Table.Th>
                <Table.Th>Field</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Difference</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const place = placeOf(row);
                const rights = row.override?.viewerCan.edit;
                const diffId = `diff-${row.id}`;
                return (
                  <Fragment key={row.id}>
                    <Table.Tr data-place={row.clinic?.slug ?? 'region'} data-field={row.field}>
                      <Table.Td>
                        {row.override && (
                          <Checkbox
                            aria-label={`Select ${place}’s ${row.field}`}
                            disabled={!rights?.allowed}
                            title={rights?.reason ?? undefined}
                            checked={selected.has(row.override.id)}
                            onChange={(e) => {
                              const next = new Map(selected);
                              if (e.currentTarget.checked) {
                                next.set(row.override!.id, {
                                  id: row.override!.id,
                                  version: row.override!.version,
                                });
                              } else next.delete(row.override!.id);
                              setSelected(next);
                            }}
                          />
                        )}
                      </Table.Td>
                      <Table.Th scope="row">
                        {place}
                        {row.clinic && row.region && (
                          <Text size="xs" c="dimmed">
                            {row.region.name}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>{row.treatment.name}</Table.Td>
                      <Table.Td>{row.field}</Table.Td>
                      <Table.Td>
                        <Badge
                          color={row.kind === 'STALE' ? 'yellow' : 'red'}
                          variant="filled"
                          c={row.kind === 'STALE' ? 'black' : undefined}
                        >
                          {KIND_NAMES[row.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="default"
                          aria-expanded={open.has(row.id)}
                          aria-controls={diffId}
                          onClick={() => {
                            const next = new Set(open);
                            if (next.has(row.id)) next.delete(row.id);
                            else next.add(row.id);
                            setOpen(next);
                          }}
                        >
                          {open.has(row.id) ? 'Hide' : 'Compare'} {row.field} at {place}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                    {open.has(row.id) && (
                      <Table.Tr id={diffId}>
                        <Table.Td colSpan={6} className="console-value">
                          <ValueDiff
                            brand={showValue(row.brandValue)}
                            mine={
                              row.kind === 'MISSING'
                                ? 'No value of its own (required)'
                                : showValue(row.value)
                            }
                            mineLabel={row.clinic ? 'This clinic' : 'This region'}
                          />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {page && (!pages.isFirst || page.pageInfo.hasNextPage) && (
        <CursorPager pages={pages} pageInfo={page.pageInfo} labels={PAGE_LABELS} />
      )}
    </Stack>
  );
}
