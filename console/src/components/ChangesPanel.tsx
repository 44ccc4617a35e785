import { Alert, Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { graphql } from '../gql';
import type { ContentType } from '../gql/graphql';
import { SchedulePublish } from './SchedulePublish';

const ClinicDrafts = graphql(`
  query ClinicDrafts($brand: String!, $clinic: String!) {
    clinic(brand: $brand, slug: $clinic, preview: true) {
      id
      drafts {
        type
        id
        version
        values
        viewerCan {
          publish {
            allowed
            reason
          }
        }
      }
    }
  }
`);

const TYPE_NAMES: Record<string, string> = {
  CLINIC: 'Clinic details',
  CLINIC_TREATMENT: 'Treatment offered here',
  FAQ: 'FAQ',
  PROVIDER: 'Provider',
};

/** How an editor recognises a draft: its label, its field, else its kind. */
function describeDraft(type: ContentType, values: Record<string, unknown>): string {
  if (type === 'PRICE_ITEM') return `Price “${String(values.label)}”`;
  if (type === 'OVERRIDE') return `This clinic’s ${String(values.field)}`;
  if (type === 'FAQ' && typeof values.question === 'string') return `FAQ “${values.question}”`;
  return TYPE_NAMES[type] ?? type;
}

const PublishChanges = graphql(`
  mutation PublishChanges($input: PublishInput!) {
    publish(input: $input) {
      id
    }
  }
`);

interface Props {
  brand: string;
  clinic: string;
  /** The clinic's time zone: a schedule is a time on its clock. */
  timezone: string;
  canPublish: { allowed: boolean; reason?: string | null };
  /** Changes after each save or publish on the page: the list is read again. */
  revision: number;
  onPublished: () => void;
}

/**
 * The changes tray: every unpublished draft placed at the clinic (the API's
 * `Clinic.drafts`); the checked ones go live together, as one changeset.
 */
export function ChangesPanel(props: Props) {
  const { brand, clinic, canPublish, revision, onPublished } = props;
  const [{ data, error }, refetch] = useQuery({
    query: ClinicDrafts,
    variables: { brand, clinic },
    requestPolicy: 'network-only',
  });
  const changes = (data?.clinic?.drafts ?? []).map((draft) => ({
    ...draft,
    what: describeDraft(draft.type, draft.values as Record<string, unknown>),
  }));
  useEffect(() => {
    if (revision > 0) refetch({ requestPolicy: 'network-only' });
  }, [revision, refetch]);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [publishing, publish] = useMutation(PublishChanges);
  const [done, setDone] = useState<string | null>(null);
  // Only what the API says this editor may publish can be selected.
  const selected = changes.filter(
    (change) => change.viewerCan.publish.allowed && !unchecked.has(change.id),
  );

  async function publishSelected() {
    setDone(null);
    const result = await publish({
      input: { items: selected.map(({ type, id, version }) => ({ type, id, version })) },
    });
    if (result.error) return;
    setDone(`Published ${selected.length} change${selected.length === 1 ? '' : 's'}.`);
    onPublished();
  }

  return (
    <Stack component="section" aria-labelledby="changes-title" className="console-panel">
      <Title order={2} id="changes-title">
        Changes to publish
      </Title>
      <Text size="sm">Every unpublished draft at this clinic.</Text>
      {error && <Text size="sm">{describeError(error)}</Text>}
      {data && changes.length === 0 && <Text size="sm">Nothing waits to be published.</Text>}
      {changes.map((change) => (
        <Checkbox
          key={change.id}
          label={change.what}
          description={change.viewerCan.publish.reason}
          disabled={!change.viewerCan.publish.allowed}
          checked={change.viewerCan.publish.allowed && !unchecked.has(change.id)}
          onChange={(e) => {
            const next = new Set(unchecked);
            if (e.currentTarget.checked) next.delete(change.id);
            else next.add(change.id);
            setUnchecked(next);
          }}
        />
      ))}
      {publishing.error && (
        <Alert color="red" role="alert">
          {describeError(publishing.error)}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {changes.length > 0 && (
        <Button
          onClick={publishSelected}
          loading={publishing.fetching}
          disabled={!canPublish.allowed || selected.length === 0}
          maw={320}
        >
          Publish selected ({selected.length})
        </Button>
      )}
      {!canPublish.allowed && <Text size="xs">{canPublish.reason}</Text>}
      {changes.length > 0 && (
        <SchedulePublish
          selected={selected.map(({ type, id, version }) => ({ type, id, version }))}
          drafts={changes}
          timezone={props.timezone}
          canPublish={canPublish}
        />
      )}
    </Stack>
  );
}
