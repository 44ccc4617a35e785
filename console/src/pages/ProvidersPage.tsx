import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError, problemsOf } from '../api/errors';
import { ChangesPanel } from '../components/ChangesPanel';
import { HistoryLink } from '../components/HistoryLink';
import { MarkdownField } from '../components/MarkdownField';
import { FormActions } from '../forms/FormActions';
import { loadLatest } from '../forms/conflict';
import { mayLeave } from '../forms/unsaved-guard';
import { useVersionedForm } from '../forms/use-versioned-form';
import { graphql } from '../gql';
import type { ClinicProvidersQuery } from '../gql/graphql';
import { NotFoundPage } from './NotFoundPage';

const ClinicProviders = graphql(`
  query ClinicProviders($brand: String!, $slug: String!) {
    clinic(brand: $brand, slug: $slug, preview: true) {
      id
      itemId
      slug
      name
      timezone
      viewerCan {
        edit {
          allowed
          reason
        }
      }
      treatments {
        id
        itemId
        name
      }
      providers {
        id
        itemId
        name
        credentials
        title
        photoUrl
        treatments {
          id
          itemId
          name
        }
        editable {
          id
          version
          values
          viewerCan {
            edit {
              allowed
              reason
            }
            editBrandFields {
              allowed
              reason
            }
          }
        }
      }
    }
  }
`);

const UpdateProvider = graphql(`
  mutation UpdateClinicProvider($input: UpdateProviderInput!) {
    updateProvider(input: $input) {
      id
      version
    }
  }
`);

/** A provider's editable twin, as the page reads it. */
type Editable = NonNullable<
  NonNullable<ClinicProvidersQuery['clinic']>['providers'][number]['editable']
>;

/** The providers who work at a clinic: bio, title, photo and what they perform here. */
export default function ProvidersPage(props: { brand: string; slug: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ClinicProviders,
    variables: props,
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const reload = () => {
    setRevision((n) => n + 1);
    refetch({ requestPolicy: 'network-only' });
  };
  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the providers" />;
  const clinic = data?.clinic;
  if (!clinic || !clinic.viewerCan.edit.allowed) {
    return <NotFoundPage what="This clinic’s providers" />;
  }
  const offered = new Set(clinic.treatments.map((t) => t.itemId));
  const edited = clinic.providers.find((p) => p.itemId === editing);

  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href={`/clinics/${clinic.slug}`} size="sm">
        ← {clinic.name}
      </Anchor>
      <Title order={1}>Providers at {clinic.name}</Title>
      <Text>
        Their bio, title and photo, kept current by this clinic; which treatments they perform is
        set by the brand.
      </Text>
      <div className="console-two-columns">
        {clinic.providers.map((provider) => {
          const here = provider.treatments.filter((t) => offered.has(t.itemId));
          const rights = provider.editable?.viewerCan;
          return (
            <Paper
              key={provider.itemId}
              withBorder
              p="md"
              component="article"
              aria-label={provider.name}
            >
              <Title order={2} size="h4">
                {provider.name}
                {provider.credentials.length ? `, ${provider.credentials.join(', ')}` : ''}
              </Title>
              <Text size="sm">{provider.title ?? 'No title'}</Text>
              <Text size="sm">Photo: {provider.photoUrl ?? 'none'}</Text>
              <Text size="sm">
                Performs here: {here.length ? here.map((t) => t.name).join(', ') : 'nothing yet'}
              </Text>
              <Group gap="sm" mt="xs">
                <Button
                  size="xs"
                  variant="default"
                  disabled={!rights?.edit.allowed}
                  title={rights?.edit.reason ?? undefined}
                  onClick={() => mayLeave() && setEditing(provider.itemId)}
                >
                  Edit {provider.name}
                </Button>
                <HistoryLink
                  clinic={clinic.slug}
                  type="PROVIDER"
                  id={provider.itemId}
                  what={provider.name}
                />
              </Group>
            </Paper>
          );
        })}
      </div>
      {clinic.providers.length === 0 && <Text>No provider works here yet.</Text>}
      {edited?.editable && (
        <ProviderForm
          key={edited.itemId}
          name={edited.name}
          treatments={clinic.treatments}
          editable={edited.editable}
          onSaved={reload}
          onClose={() => setEditing(null)}
        />
      )}
      <ChangesPanel
        clinicId={clinic.itemId}
        timezones={[clinic.timezone]}
        revision={revision}
        onPublished={reload}
      />
    </Stack>
  );
}

interface ProviderValues extends Record<string, unknown> {
  title: string;
  bio: string;
  photoUrl: string;
  treatmentIds: string[];
}

const asValues = (values: Record<string, unknown>): ProviderValues => ({
  title: typeof values.title === 'string' ? values.title : '',
  bio: typeof values.bio === 'string' ? values.bio : '',
  photoUrl: typeof values.photoUrl === 'string' ? values.photoUrl : '',
  treatmentIds: Array.isArray(values.treatmentIds) ? values.treatmentIds.map(String) : [],
});

function ProviderForm(props: {
  name: string;
  treatments: { itemId: string; name: string }[];
  editable: Editable;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { editable } = props;
  const client = useClient();
  const [, updateProvider] = useMutation(UpdateProvider);
  const mayChooseTreatments = editable.viewerCan.editBrandFields;
  const form = useVersionedForm<ProviderValues>({
    version: editable.version,
    values: asValues(editable.values),
    async save(values, version) {
      const result = await updateProvider({
        input: {
          id: editable.id,
          version: version ?? 0,
          title: values.title || null,
          bio: values.bio,
          photoUrl: values.photoUrl || null,
          // The whole list, brand-wide editors only (the API refuses it from others).
          ...(mayChooseTreatments.allowed ? { treatmentIds: values.treatmentIds } : {}),
        },
      });
      if (result.error) return { error: result.error };
      props.onSaved();
      return { version: result.data!.updateProvider.version };
    },
    async loadLatest() {
      const latest = await loadLatest(client, 'PROVIDER', editable.id);
      return { ...latest, values: asValues(latest.values) };
    },
  });
  const problems = form.error ? problemsOf(form.error) : [];
  const problem = (field: string) => problems.find((p) => p.path === field)?.message;
  const here = new Set(props.treatments.map((t) => t.itemId));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await form.submit()) props.onClose();
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      aria-label={`Edit ${props.name}`}
      className="console-panel"
    >
      <Title order={2}>Edit {props.name}</Title>
      <TextInput
        label="Title"
        description="E.g. Aesthetic Nurse; empty for none"
        value={form.values.title}
        onChange={(e) => form.set('title', e.currentTarget.value)}
        error={problem('title')}
      />
      <TextInput
        label="Photo URL"
        description="An https address of the portrait; empty for none"
        type="url"
        value={form.values.photoUrl}
        onChange={(e) => form.set('photoUrl', e.currentTarget.value)}
        error={problem('photoUrl')}
      />
      <MarkdownField
        label="Bio (Markdown)"
        // Delivery fills no tokens in a bio (a provider works at several clinics).
        clinicId={null}
        value={form.values.bio}
        onChange={(text) => form.set('bio', text)}
        error={problem('bio')}
      />
      <Checkbox.Group
        label="Treatments performed here"
        description={mayChooseTreatments.allowed ? undefined : mayChooseTreatments.reason}
        value={form.values.treatmentIds.filter((id) => here.has(id))}
        onChange={(ids) =>
          // Treatments not offered here stay as they are.
          form.set('treatmentIds', [
            ...form.values.treatmentIds.filter((id) => !here.has(id)),
            ...ids,
          ])
        }
      >
        <Group mt="xs">
          {props.treatments.map((treatment) => (
            <Checkbox
              key={treatment.itemId}
              value={treatment.itemId}
              label={treatment.name}
              disabled={!mayChooseTreatments.allowed}
            />
          ))}
        </Group>
      </Checkbox.Group>
      {form.error && problems.length === 0 && (
        <Alert color="red" role="alert">
          {describeError(form.error)}
        </Alert>
      )}
      <FormActions
        form={form}
        fields={[
          { key: 'title', label: 'Title' },
          { key: 'photoUrl', label: 'Photo URL' },
          { key: 'bio', label: 'Bio' },
          { key: 'treatmentIds', label: 'Treatments' },
        ]}
        onClose={props.onClose}
      />
    </Stack>
  );
}
