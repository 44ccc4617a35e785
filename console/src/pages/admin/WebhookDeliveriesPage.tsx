import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { onThisClock as when } from '../../api/time';
import { describeError } from '../../api/errors';
import { CursorPager, useCursors } from '../../components/CursorPager';
import { TableScroll } from '../../components/TableScroll';
import { graphql } from '../../gql';
import type { WebhookDeliveryStatus } from '../../gql/graphql';
import { NotFoundPage } from '../NotFoundPage';

const Deliveries = graphql(`
  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {
    webhookEndpoints {
      id
      url
      enabled
    }
    webhookDeliveries(endpointId: $endpointId, status: $status, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          eventId
          eventType
          status
          attempts
          nextAttemptAt
          lastStatusCode
          lastError
          createdAt
          completedAt
        }
      }
    }
  }
`);

const Attempts = graphql(`
  query WebhookDeliveryAttempts($endpointId: ID!, $deliveryId: ID!) {
    webhookAttempts(endpointId: $endpointId, deliveryId: $deliveryId, first: 20) {
      edges {
        node {
          id
          attempt
          startedAt
          durationMs
          statusCode
          succeeded
          error
        }
      }
    }
  }
`);

const Replay = graphql(`
  mutation ReplayWebhookDelivery($input: WebhookIdInput!) {
    replayWebhookDelivery(input: $input) {
      id
      status
    }
  }
`);

const SendTest = graphql(`
  mutation SendTestWebhookEvent($input: WebhookIdInput!) {
    sendTestWebhookEvent(input: $input) {
      id
    }
  }
`);

// Light fills under black text, for AA contrast.
const STATUS: Record<WebhookDeliveryStatus, { label: string; color: string }> = {
  PENDING: { label: 'Pending', color: 'yellow.3' },
  SUCCEEDED: { label: 'Delivered', color: 'green.2' },
  DEAD: { label: 'Dead', color: 'red.2' },
};

/** How often the list looks again while a delivery is on its way. */
const POLL_MS = 2000;

/** One delivery's attempts, newest first. */
function AttemptList({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const [{ data, error }] = useQuery({
    query: Attempts,
    variables: { endpointId, deliveryId },
    requestPolicy: 'network-only',
  });
  if (error) return <Text size="sm">{describeError(error)}</Text>;
  if (!data) return <Loader size="sm" aria-label="Loading the attempts" />;
  const attempts = data.webhookAttempts.edges.map((edge) => edge.node);
  if (attempts.length === 0) return <Text size="sm">No attempt yet.</Text>;
  return (
    <Stack gap={2} component="ol" className="console-attempts">
      {attempts.map((attempt) => (
        <Text size="sm" component="li" key={attempt.id}>
          Attempt {attempt.attempt}, {when(attempt.startedAt)}:{' '}
          {attempt.succeeded ? `delivered (HTTP ${attempt.statusCode})` : attempt.error} (
          {attempt.durationMs} ms)
        </Text>
      ))}
    </Stack>
  );
}

/**
 * One endpoint's deliveries, newest first: where each stands, its attempts
 * and last error; dead ones are replayed, and a test event checks the
 * receiver. While any is pending the list looks again every few seconds.
 */
export default function WebhookDeliveriesPage({ endpointId }: { endpointId: string }) {
  const [status, setStatus] = useState('');
  const pages = useCursors();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: Deliveries,
    variables: {
      endpointId,
      status: (status || null) as WebhookDeliveryStatus | null,
      after: pages.after,
    },
    requestPolicy: 'cache-and-network',
  });
  const [replaying, replay] = useMutation(Replay);
  const [testing, sendTest] = useMutation(SendTest);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const rows = data?.webhookDeliveries.edges.map((edge) => edge.node) ?? [];
  const pending = rows.some((row) => row.status === 'PENDING');

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refetch]);

  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading the deliveries" />;
  const endpoint = data?.webhookEndpoints.find((e) => e.id === endpointId);
  if (!data || !endpoint) return <NotFoundPage what="This endpoint" />;
  const page = data.webhookDeliveries;

  async function replayDelivery(id: string) {
    setDone(null);
    const result = await replay({ input: { id } });
    if (result.error) return;
    setDone('The delivery is queued again, with the same event id.');
    refetch({ requestPolicy: 'network-only' });
  }

  async function sendTestEvent() {
    setDone(null);
    const result = await sendTest({ input: { id: endpointId } });
    if (result.error) return;
    setDone(
      endpoint!.enabled
        ? 'A test event is queued: it shows below and is sent within seconds.'
        : 'A test event is queued: it is sent once the endpoint is enabled again.',
    );
    setStatus('');
    pages.reset();
    refetch({ requestPolicy: 'network-only' });
  }

  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  const actionError = replaying.error ?? testing.error;
  return (
    <Stack component="section" maw={1100}>
      <Anchor component={Link} href="/admin/webhooks" size="sm">
        ← Webhooks
      </Anchor>
      <Title order={1}>Deliveries to {endpoint.url}</Title>
      <Text size="sm">
        Newest first, times on your computer’s clock. A failed delivery is retried for a day, then
        it is dead: fix the receiver and replay it.
        {!endpoint.enabled &&
          ' This endpoint is paused: queued deliveries wait until it is enabled.'}
      </Text>
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
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label="Status"
          value={status}
          onChange={(e) => {
            setStatus(e.currentTarget.value);
            pages.reset();
          }}
          data={[
            { value: '', label: 'All' },
            ...(Object.keys(STATUS) as WebhookDeliveryStatus[]).map((value) => ({
              value,
              label: STATUS[value].label,
            })),
          ]}
        />
        <Button onClick={sendTestEvent} loading={testing.fetching}>
          Send test event
        </Button>
        <Button variant="default" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          Refresh
        </Button>
      </Group>
      <Text size="sm" role="status">
        {page.totalCount === 0
          ? 'No deliveries.'
          : `${page.totalCount} deliver${page.totalCount === 1 ? 'y' : 'ies'}.`}
      </Text>
      {rows.length > 0 && (
        <TableScroll label="Deliveries (scrolls sideways)">
          <Table aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Event</Table.Th>
                <Table.Th>Queued</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Fragment key={row.id}>
                  <Table.Tr data-delivery={row.id} data-status={row.status}>
                    <Table.Th scope="row">{row.eventType}</Table.Th>
                    <Table.Td>{when(row.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={STATUS[row.status].color} c="black">
                        {STATUS[row.status].label}
                      </Badge>
                      {row.nextAttemptAt && (
                        <Text size="xs">Next try {when(row.nextAttemptAt)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>{row.attempts}</Table.Td>
                    <Table.Td className="console-value">{row.lastError ?? '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-expanded={open.has(row.id)}
                          aria-label={`Attempts of ${row.eventType} queued ${when(row.createdAt)}`}
                          onClick={() => toggle(row.id)}
                        >
                          Attempts
                        </Button>
                        {row.status === 'DEAD' && (
                          <Button
                            size="compact-xs"
                            aria-label={`Replay ${row.eventType} queued ${when(row.createdAt)}`}
                            loading={replaying.fetching}
                            onClick={() => replayDelivery(row.id)}
                          >
                            Replay
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {open.has(row.id) && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <AttemptList endpointId={endpointId} deliveryId={row.id} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <CursorPager pages={pages} pageInfo={page.pageInfo} />
    </Stack>
  );
}
