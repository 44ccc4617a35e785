import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { describeError } from '../api/errors';
import { graphql } from '../gql';
import type { ContentType } from '../gql/graphql';
import { inZone, instantIn } from '../api/time';

// The pending schedules, latest first: a page of the most the API gives
// (100), far more than a tray's drafts are ever scheduled in at once.
const Schedules = graphql(`
  query Schedules {
    scheduledPublications(status: [PENDING], first: 100) {
      edges {
        node {
          id
          publishAt
          createdBy
          items {
            type
            id
          }
          viewerCan {
            cancel {
              allowed
              reason
            }
          }
        }
      }
    }
  }
`);

const ScheduleChangeset = graphql(`
  mutation SchedulePublish($input: SchedulePublishInput!) {
    schedulePublish(input: $input) {
      id
      publishAt
    }
  }
`);

const CancelSchedule = graphql(`
  mutation CancelSchedule($id: ID!) {
    cancelScheduledPublication(id: $id) {
      id
      status
    }
  }
`);

export interface ItemRef {
  type: ContentType;
  id: string;
  version: number;
}

interface Props {
  /** The checked drafts: what a schedule publishes. */
  selected: ItemRef[];
  /** Every draft of the tray: schedules that publish any of them are listed. */
  drafts: ItemRef[];
  timezone: string;
}

/**
 * Publishing later: the checked drafts at a date and time on the clinic's
 * clock (its time zone), and the pending schedules of these drafts, each
 * cancellable when the API says the editor may.
 */
export function SchedulePublish({ selected, drafts, timezone }: Props) {
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({
    query: Schedules,
    requestPolicy: 'network-only',
  });
  const [scheduling, schedule] = useMutation(ScheduleChangeset);
  const [cancelling, cancel] = useMutation(CancelSchedule);
  const refKey = (ref: { type: ContentType; id: string }) => `${ref.type}:${ref.id}`;
  const draftKeys = new Set(drafts.map(refKey));
  const pending = (data?.scheduledPublications.edges ?? [])
    .map((edge) => edge.node)
    .filter((item) => item.items.some((ref) => draftKeys.has(refKey(ref))));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const publishAt = instantIn(timezone, date, time);
    if (!publishAt) return setProblem('Choose a day and a time.');
    if (Date.parse(publishAt) <= Date.now()) return setProblem('Choose a time in the future.');
    const result = await schedule({ input: { items: selected, publishAt } });
    if (result.error) return setProblem(describeError(result.error));
    setDone(`Scheduled for ${inZone(timezone, publishAt)} (${timezone}).`);
    refetch({ requestPolicy: 'network-only' });
  }

  async function cancelSchedule(id: string) {
    setDone(null);
    const result = await cancel({ id });
    if (!result.error) setDone('The schedule is cancelled: nothing will be published then.');
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="schedule-title">
      <Title order={3} id="schedule-title">
        Publish later
      </Title>
      <Stack component="form" gap="xs" onSubmit={submit} aria-label="Schedule the selected changes">
        <Text size="sm">Day and time on the clinic’s clock ({timezone}).</Text>
        <Group align="flex-end">
          <TextInput
            type="date"
            label="Day"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <TextInput
            type="time"
            label="Time"
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            required
          />
          <Button
            type="submit"
            variant="default"
            loading={scheduling.fetching}
            disabled={selected.length === 0}
          >
            Schedule selected ({selected.length})
          </Button>
        </Group>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
      </Stack>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {error && <Text size="sm">{describeError(error)}</Text>}
      {cancelling.error && (
        <Alert color="red" role="alert">
          {describeError(cancelling.error)}
        </Alert>
      )}
      <ul aria-label="Scheduled publications" className="console-plain-list">
        {pending.map((item) => (
          <li key={item.id}>
            <Group gap="sm">
              <Text size="sm">
                {inZone(timezone, item.publishAt)} ({timezone}): {item.items.length} change
                {item.items.length === 1 ? '' : 's'}, scheduled by {item.createdBy}
              </Text>
              <Button
                size="xs"
                variant="default"
                loading={cancelling.fetching}
                disabled={!item.viewerCan.cancel.allowed}
                title={item.viewerCan.cancel.reason ?? undefined}
                onClick={() => cancelSchedule(item.id)}
              >
                Cancel schedule
              </Button>
              {!item.viewerCan.cancel.allowed && (
                <Text size="xs">{item.viewerCan.cancel.reason}</Text>
              )}
            </Group>
          </li>
        ))}
      </ul>
      {data && pending.length === 0 && <Text size="sm">No publication is scheduled.</Text>}
    </Stack>
  );
}
