import { Alert, Button, Checkbox, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { describeItem } from '../api/item-names';
import { graphql } from '../gql';
import { SchedulePublish } from './SchedulePublish';

const EditableDrafts = graphql(`
  query EditableDrafts {
    editableDrafts {
      type
      id
      version
      values
      clinicIds
      viewerCan {
        publish {
          allowed
          reason
        }
      }
    }
  }
`);

const PublishChanges = graphql(`
  mutation PublishChanges($input: PublishInput!) {
    publish(input: $input) {
      id
    }
  }
`);

interface Props {
  /** Only the drafts at this clinic (its itemId); every place of the editor without it. */
  clinicId?: string;
  /** Clinic names by itemId, to say where each draft is (the region-wide tray). */
  clinicNames?: Map<string, string>;
  /** Time zones a schedule may be set in (the clinic's; a region's clinics'), the first by default. */
  timezones: string[];
  /** Changes after each save or publish on the page: the list is read again. */
  revision: number;
  onPublished: () => void;
}

/**
 * The changes tray: the unpublished drafts the editor may publish (the API's
 * `editableDrafts`), at one clinic or at all of their places; the checked
 * ones go live together as one changeset, now or at a scheduled time.
 */
export function ChangesPanel({ clinicId, clinicNames, timezones, revision, onPublished }: Props) {
  const [{ data, error }, refetch] = useQuery({
    query: EditableDrafts,
    requestPolicy: 'network-only',
  });
  const changes = (data?.editableDrafts ?? [])
    .filter((draft) => !clinicId || draft.clinicIds.includes(clinicId))
    .map((draft) => {
      const where = clinicNames
        ? draft.clinicIds.map((id) => clinicNames.get(id)).filter(Boolean)
        : [];
      const what = describeItem(draft.type, draft.values);
      return { ...draft, what: where.length ? `${what} (${where.join(', ')})` : what };
    });
  useEffect(() => {
    if (revision > 0) refetch({ requestPolicy: 'network-only' });
  }, [revision, refetch]);
  const [unchecked, setUnchecked] = useState<Set<string>>(new Set());
  const [publishing, publish] = useMutation(PublishChanges);
  const [done, setDone] = useState<string | null>(null);
  const [timezone, setTimezone] = useState(timezones[0]);
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
    refetch({ requestPolicy: 'network-only' });
    onPublished();
  }

  return (
    <Stack component="section" aria-labelledby="changes-title" className="console-panel">
      <Title order={2} id="changes-title">
        Changes to publish
      </Title>
      <Text size="sm">
        {clinicId
          ? 'Every unpublished draft at this clinic that you may publish.'
          : 'Every unpublished draft at the places you edit that you may publish.'}
      </Text>
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
          disabled={selected.length === 0}
          maw={320}
        >
          Publish selected ({selected.length})
        </Button>
      )}
      {changes.length > 0 && timezones.length > 1 && (
        <NativeSelect
          label="Time zone of a scheduled time"
          value={timezone}
          onChange={(e) => setTimezone(e.currentTarget.value)}
          data={timezones}
          maw={320}
        />
      )}
      {changes.length > 0 && (
        <SchedulePublish
          selected={selected.map(({ type, id, version }) => ({ type, id, version }))}
          drafts={changes}
          timezone={timezone}
        />
      )}
    </Stack>
  );
}
