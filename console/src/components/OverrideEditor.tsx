import { Alert, Stack, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { describeError } from '../api/errors';
import { FormActions } from '../forms/FormActions';
import { loadLatest } from '../forms/conflict';
import { useVersionedForm } from '../forms/use-versioned-form';
import { graphql } from '../gql';
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
  query CurrentOverride($clinicId: ID!, $treatmentId: ID!) {
    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {
      id
      version
      values
    }
  }
`);

interface Props {
  field: string;
  clinicId: string;
  treatmentId: string;
  /** This clinic's override of the field when the editor opened it, if any. */
  override: { id: string; version: number; text: string } | null;
  /** The text shown when the clinic has no override (what it inherits). */
  inherited: string;
  onSaved: () => void;
  onClose: () => void;
}

/**
 * A clinic's own text for one Markdown field of a treatment (its override),
 * with the live preview; a save based on an old version of the override
 * opens the conflict screen instead of overwriting.
 */
export function OverrideEditor(props: Props) {
  const { field, clinicId, treatmentId } = props;
  const client = useClient();
  const [, setOverride] = useMutation(SaveOverride);
  const form = useVersionedForm({
    version: props.override?.version ?? null,
    values: { text: props.override?.text ?? props.inherited },
    async save(values, version) {
      const result = await setOverride({
        input: {
          scope: 'CLINIC',
          clinicId,
          entityType: 'TREATMENT',
          entityId: treatmentId,
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
        .query(CurrentOverride, { clinicId, treatmentId }, { requestPolicy: 'network-only' })
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
      <Title order={2}>Edit this clinic’s {field}</Title>
      <MarkdownField
        label={`${field} (Markdown)`}
        clinicId={clinicId}
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
        fields={[{ key: 'text', label: `This clinic’s ${field}` }]}
        onClose={props.onClose}
      />
    </Stack>
  );
}
