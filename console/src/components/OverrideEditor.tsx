import { Alert, Stack, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { describeError } from '../api/errors';
import { FormActions } from '../forms/FormActions';
import { loadLatest } from '../forms/conflict';
import { useVersionedForm } from '../forms/use-versioned-form';
import { graphql } from '../gql';
import type { OverridableType } from '../gql/graphql';
import { MarkdownField } from './MarkdownField';

const SaveOverride = graphql(`
  mutation SaveOverride($input: SetOverrideInput!) {
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

const CurrentOverride = graphql(`
  query CurrentOverride(
    $clinicId: ID
    $regionId: ID
    $entityType: OverridableType!
    $entityId: ID!
  ) {
    overrides(
      clinicId: $clinicId
      regionId: $regionId
      entityType: $entityType
      entityId: $entityId
    ) {
      id
      version
      values
    }
  }
`);

/** Where the override applies: one clinic, or every clinic of a region. */
export type OverridePlace =
  { scope: 'CLINIC'; clinicId: string } | { scope: 'REGION'; regionId: string; name: string };

interface Props {
  field: string;
  place: OverridePlace;
  /** The brand item overridden: a treatment, or a brand FAQ. */
  entityType: OverridableType;
  entityId: string;
  /** This place's override of the field when the editor opened it, if any. */
  override: { id: string; version: number; text: string } | null;
  /** The text shown when the clinic has no override (what it inherits). */
  inherited: string;
  onSaved: () => void;
  onClose: () => void;
}

/**
 * A clinic's or a region's own text for one Markdown field of a brand
 * treatment or FAQ (its override), with the live preview; a save based on an
 * old version of the override opens the conflict screen instead of
 * overwriting.
 */
export function OverrideEditor(props: Props) {
  const { field, place, entityType, entityId } = props;
  const placeIds =
    place.scope === 'CLINIC' ? { clinicId: place.clinicId } : { regionId: place.regionId };
  const whose = place.scope === 'CLINIC' ? 'this clinic’s' : `${place.name}’s`;
  const client = useClient();
  const [, setOverride] = useMutation(SaveOverride);
  const form = useVersionedForm({
    version: props.override?.version ?? null,
    values: { text: props.override?.text ?? props.inherited },
    async save(values, version) {
      const result = await setOverride({
        input: {
          scope: place.scope,
          ...placeIds,
          entityType,
          entityId,
          field,
          // No version: the clinic had no override of the field (null would mean it had one).
          ...(version === null ? {} : { version }),
          value: values.text,
        },
      });
      if (result.error) return { error: result.error };
      props.onSaved();
      return { version: result.data?.setOverride.item?.version ?? null };
    },
    async loadLatest() {
      const result = await client
        .query(
          CurrentOverride,
          { ...placeIds, entityType, entityId },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      const current = result.data?.overrides.find((item) => item.values.field === field);
      if (!current) return { version: null, values: { text: props.inherited } };
      const latest = await loadLatest(client, 'OVERRIDE', current.id);
      return { ...latest, values: { text: latest.values.value } };
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.submit()) props.onClose();
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      aria-label={`Edit ${field}`}
      className="console-panel"
    >
      <Title order={2}>
        Edit {whose} {field}
      </Title>
      <MarkdownField
        label={`${field} (Markdown)`}
        // A region's text is shown at each of its clinics: no one clinic fills its tokens.
        clinicId={place.scope === 'CLINIC' ? place.clinicId : null}
        value={String(form.values.text ?? '')}
        onChange={(text) => form.set('text', text)}
      />
      {form.error && (
        <Alert color="red" role="alert">
          {describeError(form.error)}
        </Alert>
      )}
      <FormActions
        form={form}
        fields={[{ key: 'text', label: `${whose[0].toUpperCase()}${whose.slice(1)} ${field}` }]}
        onClose={props.onClose}
      />
    </Stack>
  );
}
