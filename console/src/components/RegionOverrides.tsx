import { Alert, Button, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { mayLeave } from '../forms/unsaved-guard';
import { graphql } from '../gql';
import type { OverridableType } from '../gql/graphql';
import { OverrideEditor } from './OverrideEditor';
import { TableScroll } from './TableScroll';
import { showValue } from './ValueDiff';

const RegionOverridesList = graphql(`
  query RegionOverridesList($regionId: ID!) {
    overrides(regionId: $regionId) {
      id
      version
      values
      status
      hasDraft
      pendingDelete
      viewerCan {
        edit {
          allowed
          reason
        }
      }
    }
  }
`);

const ClearRegionOverride = graphql(`
  mutation ClearRegionOverride($input: ClearOverrideInput!) {
    clearOverride(input: $input) {
      outcome
    }
  }
`);

/** A brand field a region may write its own text for, with the brand's current value. */
export interface OverrideTarget {
  entityType: OverridableType;
  entityId: string;
  field: string;
  /** How the editor reads it, e.g. "Summary" or "FAQ “Does it hurt?”: answer". */
  what: string;
  brandValue: unknown;
}

interface Props {
  regions: { itemId: string; name: string }[];
  /** The text fields offered for a region's own value (Markdown, with the live preview). */
  targets: OverrideTarget[];
}

type Override = {
  id: string;
  version: number;
  values: Record<string, unknown>;
  status: string;
  hasDraft: boolean;
  pendingDelete: boolean;
  viewerCan: { edit: { allowed: boolean; reason?: string | null } };
};

const keyOf = (entityId: string, field: string) => `${entityId}:${field}`;

/**
 * A region's overrides of the brand's treatment and its FAQs: for each text
 * field, the region's own value (shown at every clinic of the region that
 * does not write its own) or the brand's, with an editor for the region's
 * text (`setOverride` at region level) and a reset to the brand's
 * (`clearOverride`). Other overrides the region has of these items (sections,
 * key figures, a hidden FAQ) are listed, and may be reset.
 */
export function RegionOverrides({ regions, targets }: Props) {
  const [regionId, setRegionId] = useState(regions[0]?.itemId ?? '');
  const region = regions.find((r) => r.itemId === regionId);
  const [{ data, error }, refetch] = useQuery({
    query: RegionOverridesList,
    variables: { regionId },
    pause: !regionId,
    requestPolicy: 'network-only',
  });
  const [clearing, clear] = useMutation(ClearRegionOverride);
  const [editing, setEditing] = useState<OverrideTarget | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (!region) return null;
  const entityIds = new Set(targets.map((target) => target.entityId));
  const overrides = new Map<string, Override>(
    (data?.overrides ?? [])
      .filter((o) => entityIds.has(String(o.values.entityId)))
      .map((o) => [keyOf(String(o.values.entityId), String(o.values.field)), o]),
  );
  const offered = new Set(targets.map((t) => keyOf(t.entityId, t.field)));
  const others = [...overrides.entries()].filter(([key]) => !offered.has(key));
  const whatOf = (entityId: string) =>
    targets.find((t) => t.entityId === entityId)?.what.split(':')[0] ?? 'This item';

  async function reset(override: Override) {
    setDone(null);
    const { values } = override;
    const result = await clear({
      input: {
        scope: 'REGION',
        regionId,
        entityType: values.entityType as OverridableType,
        entityId: String(values.entityId),
        field: String(values.field),
        version: override.version,
      },
    });
    if (!result.error) {
      setDone(`${region!.name}’s ${String(values.field)} is reset to the brand’s (a draft).`);
    }
    reload();
  }

  const overrideRow = (what: string, override: Override | undefined) => (
    <Table.Td>
      {override && !override.pendingDelete ? (
        <Text size="sm" className="console-value">
          {showValue(override.values.value)}
          {/* A new override is a draft too, until its first publish. */}
          {override.hasDraft || override.status !== 'PUBLISHED' ? ' (draft)' : ''}
        </Text>
      ) : (
        <Text size="sm">
          Inherits the brand’s{override?.pendingDelete ? ' (reset waits to be published)' : ''}
        </Text>
      )}
      {override && !override.pendingDelete && (
        <Button
          size="compact-xs"
          variant="default"
          mt={4}
          loading={clearing.fetching}
          disabled={!override.viewerCan.edit.allowed}
          title={override.viewerCan.edit.reason ?? undefined}
          onClick={() => reset(override)}
          // The row names the field; the button's name says it in full (it begins with its text).
          aria-label={`Reset ${region.name}’s ${what} to the brand’s`}
        >
          Reset
        </Button>
      )}
    </Table.Td>
  );

  return (
    <Stack component="section" aria-labelledby="region-overrides-title" className="console-panel">
      <Title order={2} id="region-overrides-title">
        Regions’ own values
      </Title>
      <Text size="sm">
        A region’s value is shown at every clinic of the region, unless the clinic writes its own.
      </Text>
      <NativeSelect
        label="Region"
        value={regionId}
        onChange={(e) => {
          if (!mayLeave()) return;
          setEditing(null);
          setDone(null);
          setRegionId(e.currentTarget.value);
        }}
        data={regions.map((r) => ({ value: r.itemId, label: r.name }))}
        maw={320}
      />
      {error && <Text size="sm">{describeError(error)}</Text>}
      {clearing.error && (
        <Alert color="red" role="alert">
          {describeError(clearing.error)}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {data && (
        <TableScroll label={`${region.name}’s values (scrolls sideways)`}>
          <Table striped aria-label={`${region.name}’s values`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Field</Table.Th>
                <Table.Th>The brand’s</Table.Th>
                <Table.Th>{region.name}’s</Table.Th>
                <Table.Th>Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((target) => {
                const key = keyOf(target.entityId, target.field);
                const override = overrides.get(key);
                return (
                  <Table.Tr key={key}>
                    <Table.Td>{target.what}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {showValue(target.brandValue)}
                      </Text>
                    </Table.Td>
                    {overrideRow(target.what, override)}
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="default"
                        disabled={!!override && !override.viewerCan.edit.allowed}
                        title={override?.viewerCan.edit.reason ?? undefined}
                        onClick={() => mayLeave() && setEditing(target)}
                        aria-label={`Edit ${region.name}’s ${target.what}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
              {others.map(([key, override]) => (
                <Table.Tr key={key}>
                  <Table.Td>
                    {whatOf(String(override.values.entityId))}: {String(override.values.field)}
                  </Table.Td>
                  <Table.Td>—</Table.Td>
                  {overrideRow(
                    `${whatOf(String(override.values.entityId))}: ${String(override.values.field)}`,
                    override,
                  )}
                  <Table.Td>
                    <Text size="xs">Written through the API</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {editing && (
        <OverrideEditor
          key={`${regionId}:${keyOf(editing.entityId, editing.field)}`}
          field={editing.field}
          place={{ scope: 'REGION', regionId, name: region.name }}
          entityType={editing.entityType}
          entityId={editing.entityId}
          override={(() => {
            // A reset waiting to be published is still the region's override (with its version).
            const o = overrides.get(keyOf(editing.entityId, editing.field));
            const value = o?.values.value;
            return o
              ? { id: o.id, version: o.version, text: typeof value === 'string' ? value : '' }
              : null;
          })()}
          inherited={typeof editing.brandValue === 'string' ? editing.brandValue : ''}
          onSaved={reload}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
