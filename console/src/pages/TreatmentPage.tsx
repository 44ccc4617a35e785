import { Alert, Anchor, Badge, Button, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { itemIdOf } from '../api/ids';
import { Link } from 'wouter';
import { describeError } from '../api/errors';
import { ChangesPanel } from '../components/ChangesPanel';
import { OverrideEditor } from '../components/OverrideEditor';
import { PagePreview } from '../components/PagePreview';
import { PricesSection } from '../components/PricesSection';
import { HistoryLink } from '../components/HistoryLink';
import { TableScroll } from '../components/TableScroll';
import { showValue, ValueDiff } from '../components/ValueDiff';
import { graphql } from '../gql';
import { mayLeave } from '../forms/unsaved-guard';
import { NotFoundPage } from './NotFoundPage';

const ResolvedTreatment = graphql(`
  query ResolvedTreatment($brand: String!, $clinic: String!, $treatment: String!) {
    clinic(brand: $brand, slug: $clinic, preview: true) {
      id
      itemId
      slug
      name
      timezone
      currency
      viewerCan {
        edit {
          allowed
          reason
        }
        publish {
          allowed
          reason
        }
      }
      treatment(slug: $treatment) {
        id
        itemId
        ...TreatmentContent
        offering {
          id
          viewerCan {
            edit {
              allowed
              reason
            }
          }
        }
        pricesForEditors {
          id
          itemId
          label
          validity
          editable {
            id
            version
            viewerCan {
              delete {
                allowed
                reason
              }
            }
          }
          kind
          sessions
          isFromPrice
          validFrom
          validUntil
          amount {
            amountMinor
            currency
            formatted
          }
        }
        fieldSources {
          field
          scope
          stale
          missing
        }
      }
    }
    brandTreatment: treatment(brand: $brand, slug: $treatment, preview: true) {
      id
      ...TreatmentContent
    }
  }

  # The fields a clinic may override, read at the clinic and at the brand alike.
  fragment TreatmentContent on Treatment {
    name
    summary
    disclaimer
    aliases
    contraindications
    aftercare
    combinesWith
  }
`);

const ClinicOverrides = graphql(`
  query ClinicOverrides($clinicId: ID!, $treatmentId: ID!) {
    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {
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
  }
`);

const KeepOverride = graphql(`
  mutation KeepOverride($input: SetOverrideInput!) {
    setOverride(input: $input) {
      outcome
      item {
        type
        id
        version
      }
    }
  }
`);

const ClearOverride = graphql(`
  mutation ClearOverride($input: ClearOverrideInput!) {
    clearOverride(input: $input) {
      outcome
    }
  }
`);

/** Fields whose value is Markdown: edited with the server's live preview. */
const MARKDOWN_FIELDS = new Set(['disclaimer']);

const SOURCE_NAMES: Record<string, string> = {
  BRAND: 'Brand',
  REGION: 'Region',
  CLINIC: 'This clinic',
};

/** The treatment as this clinic shows it: every field, its value and where it comes from. */
export default function TreatmentPage(props: { brand: string; clinic: string; treatment: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ResolvedTreatment,
    variables: props,
  });
  const clinicId = data?.clinic ? itemIdOf(data.clinic) : '';
  const treatmentId = data?.clinic?.treatment ? itemIdOf(data.clinic.treatment) : '';
  const [overrides, refetchOverrides] = useQuery({
    query: ClinicOverrides,
    variables: { clinicId, treatmentId },
    pause: !clinicId || !treatmentId,
  });
  const [clearing, clearOverride] = useMutation(ClearOverride);
  const [keeping, keepOverride] = useMutation(KeepOverride);
  const [editingField, setEditingField] = useState<string | null>(null);

  /** This clinic's override of a field (its id and version), if it has one. */
  const overrideOf = (field: string) =>
    overrides.data?.overrides.find((item) => item.values.field === field);

  const target = (field: string, version: number) => ({
    scope: 'CLINIC' as const,
    clinicId,
    entityType: 'TREATMENT' as const,
    entityId: treatmentId,
    field,
    version,
  });
  const [revision, setRevision] = useState(0);
  const reload = () => {
    setRevision((n) => n + 1);
    refetch({ requestPolicy: 'network-only' });
    refetchOverrides({ requestPolicy: 'network-only' });
  };

  async function resetToInherited(field: string) {
    const override = overrideOf(field);
    if (!override) return;
    const result = await clearOverride({ input: target(field, override.version) });
    if (!result.error) reload();
  }

  /** Saves the clinic's text again: the override is re-based on the brand's current value. */
  async function keepMine(field: string) {
    const override = overrideOf(field);
    if (!override) return;
    const result = await keepOverride({
      input: { ...target(field, override.version), value: override.values.value },
    });
    if (!result.error) reload();
  }

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
  const brandValues = (data?.brandTreatment ?? {}) as Record<string, unknown>;
  /** The clinic's own source of a field (tokens unrendered), as the editor opens it. */
  const editedOverride = (field: string) => {
    const override = overrideOf(field);
    const value: unknown = override?.values.value;
    return override && typeof value === 'string'
      ? { id: override.id, version: override.version, text: value }
      : null;
  };
  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href={`/clinics/${clinic.slug}`} size="sm">
        ← {clinic.name}
      </Anchor>
      <Title order={1}>
        {treatment.name} at {clinic.name}
      </Title>
      <Text>Every field as this clinic shows it, and where its value comes from.</Text>
      {(clearing.error ?? keeping.error) && (
        <Alert color="red" role="alert">
          {describeError((clearing.error ?? keeping.error)!)}
        </Alert>
      )}
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
                <Table.Td className="console-value">
                  {source.stale ? (
                    <ValueDiff
                      brand={showValue(brandValues[source.field])}
                      mine={showValue(values[source.field])}
                      mineLabel="This clinic"
                    />
                  ) : (
                    showValue(values[source.field])
                  )}
                </Table.Td>
                <Table.Td>{SOURCE_NAMES[source.scope] ?? source.scope}</Table.Td>
                <Table.Td>
                  {MARKDOWN_FIELDS.has(source.field) && (
                    <Button
                      size="xs"
                      variant="default"
                      mb={6}
                      disabled={!clinic.viewerCan.edit.allowed || !overrides.data}
                      onClick={() => mayLeave() && setEditingField(source.field)}
                    >
                      Edit {source.field}
                    </Button>
                  )}
                  {overrideOf(source.field) && (
                    <HistoryLink
                      clinic={clinic.slug}
                      type="OVERRIDE"
                      id={overrideOf(source.field)!.id}
                      what={`This clinic’s ${source.field}`}
                    />
                  )}
                  {source.stale && (
                    <Stack gap={6} align="flex-start">
                      <Badge color="yellow" variant="filled" c="black">
                        Stale
                      </Badge>
                      <Text size="xs">The brand changed it since.</Text>
                      <Button
                        size="xs"
                        variant="default"
                        loading={keeping.fetching}
                        disabled={!overrideOf(source.field)?.viewerCan.edit.allowed}
                        title={overrideOf(source.field)?.viewerCan.edit.reason ?? undefined}
                        onClick={() => keepMine(source.field)}
                      >
                        Keep this clinic’s {source.field}
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={clearing.fetching}
                        disabled={!overrideOf(source.field)?.viewerCan.edit.allowed}
                        title={overrideOf(source.field)?.viewerCan.edit.reason ?? undefined}
                        onClick={() => resetToInherited(source.field)}
                      >
                        Reset {source.field} to inherited
                      </Button>
                    </Stack>
                  )}
                  {source.missing && (
                    <Stack gap={6} align="flex-start">
                      <Badge color="red" variant="filled">
                        Missing
                      </Badge>
                      <Text size="xs">This clinic must set it.</Text>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {editingField && (
        <OverrideEditor
          key={editingField}
          field={editingField}
          place={{ scope: 'CLINIC', clinicId }}
          entityType="TREATMENT"
          entityId={treatmentId}
          override={editedOverride(editingField)}
          inherited={typeof values[editingField] === 'string' ? String(values[editingField]) : ''}
          onSaved={reload}
          onClose={() => setEditingField(null)}
        />
      )}
      <PricesSection
        clinic={clinic.slug}
        prices={treatment.pricesForEditors ?? []}
        offering={treatment.offering ?? null}
        currency={clinic.currency}
        timezone={clinic.timezone}
        canEdit={clinic.viewerCan.edit}
        onSaved={reload}
      />
      <PagePreview key={revision} {...props} />
      <ChangesPanel
        clinicId={clinic.itemId}
        timezones={[clinic.timezone]}
        revision={revision}
        onPublished={reload}
      />
    </Stack>
  );
}
