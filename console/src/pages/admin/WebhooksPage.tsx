import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { describeError, problemsOf } from '../../api/errors';
import { TableScroll } from '../../components/TableScroll';
import { graphql } from '../../gql';
import type { ContentType, WebhookAction, WebhookEndpointsQuery } from '../../gql/graphql';

const Endpoints = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      description
      enabled
      secretPrefix
      subscriptions {
        type
        actions
      }
    }
  }
`);

const CreateEndpoint = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

const UpdateEndpoint = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
    }
  }
`);

const RotateSecret = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      secret
      endpoint {
        id
        url
      }
    }
  }
`);

const DeleteEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($input: WebhookIdInput!) {
    deleteWebhookEndpoint(input: $input) {
      id
    }
  }
`);

type Endpoint = WebhookEndpointsQuery['webhookEndpoints'][number];
type Subscriptions = Endpoint['subscriptions'];

/** The kinds of item an endpoint may subscribe to, as editors name them. */
const TYPES: Record<ContentType, string> = {
  TREATMENT: 'Treatments',
  CLINIC: 'Clinics',
  CLINIC_TREATMENT: 'Clinic treatments',
  PRICE_ITEM: 'Prices',
  FAQ: 'FAQs',
  PROVIDER: 'Providers',
  OVERRIDE: 'Clinic and region overrides',
  REGION: 'Regions',
  BRAND: 'The brand',
  FIELD_POLICY: 'Field policies',
};
const ACTIONS: Record<WebhookAction, string> = {
  PUBLISHED: 'published',
  UNPUBLISHED: 'unpublished',
  DELETED: 'deleted',
};

const describeEvents = (subscriptions: Subscriptions) =>
  subscriptions
    .map((s) => `${TYPES[s.type]}: ${s.actions.map((a) => ACTIONS[a]).join(', ')}`)
    .join('; ');

/** Checked events as "TYPE.ACTION" keys, and back. */
const keysOf = (subscriptions: Subscriptions) =>
  new Set(subscriptions.flatMap((s) => s.actions.map((a) => `${s.type}.${a}`)));
const subscriptionsOf = (keys: Set<string>): Subscriptions =>
  (Object.keys(TYPES) as ContentType[])
    .map((type) => ({
      type,
      actions: (Object.keys(ACTIONS) as WebhookAction[]).filter((a) => keys.has(`${type}.${a}`)),
    }))
    .filter((s) => s.actions.length > 0);

interface FormValues {
  url: string;
  description: string;
  events: Set<string>;
  enabled: boolean;
}

/** The endpoint form, for a new endpoint or an edit. */
function EndpointForm(props: {
  title: string;
  initial: FormValues;
  submitLabel: string;
  busy: boolean;
  problems: Record<string, string>;
  onSubmit: (values: FormValues) => void;
  onCancel: () => void;
  withEnabled: boolean;
}) {
  const [values, setValues] = useState(props.initial);
  const toggle = (key: string, on: boolean) => {
    const events = new Set(values.events);
    if (on) events.add(key);
    else events.delete(key);
    setValues({ ...values, events });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(values);
  };
  return (
    <form onSubmit={submit} className="console-panel" aria-label={props.title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        <TextInput
          label="URL"
          description="An https:// address that receives the events as POST requests."
          required
          value={values.url}
          onChange={(e) => setValues({ ...values, url: e.currentTarget.value })}
          error={props.problems.url}
        />
        <TextInput
          label="Note for your team"
          value={values.description}
          onChange={(e) => setValues({ ...values, description: e.currentTarget.value })}
          error={props.problems.description}
        />
        <fieldset className="console-fieldset">
          <legend>Events it receives</legend>
          {props.problems.subscriptions && (
            <Text size="sm" c="red.8" role="alert">
              {props.problems.subscriptions}
            </Text>
          )}
          <TableScroll label="Events (scrolls sideways)">
            <Table aria-label="Events it receives">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Kind of item</Table.Th>
                  {Object.values(ACTIONS).map((label) => (
                    <Table.Th key={label}>{label[0].toUpperCase() + label.slice(1)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(Object.keys(TYPES) as ContentType[]).map((type) => (
                  <Table.Tr key={type}>
                    <Table.Th scope="row">{TYPES[type]}</Table.Th>
                    {(Object.keys(ACTIONS) as WebhookAction[]).map((action) => (
                      <Table.Td key={action}>
                        <Checkbox
                          aria-label={`${TYPES[type]} ${ACTIONS[action]}`}
                          checked={values.events.has(`${type}.${action}`)}
                          onChange={(e) => toggle(`${type}.${action}`, e.currentTarget.checked)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </fieldset>
        {props.withEnabled && (
          <Checkbox
            label="Enabled (paused endpoints get no new events; queued ones wait)"
            checked={values.enabled}
            onChange={(e) => setValues({ ...values, enabled: e.currentTarget.checked })}
          />
        )}
        <Group>
          <Button type="submit" loading={props.busy} disabled={values.events.size === 0}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A signing secret, shown once, with a copy button. */
function NewSecret(props: { url: string; secret: string; onDone: () => void }) {
  return (
    <Alert color="green" role="status">
      <Stack gap="xs">
        <Text fw={700}>Signing secret: shown only now</Text>
        <Text size="sm">
          Give it to the receiver at {props.url} to verify each event’s X-Webhook-Signature. It is
          not shown again; rotate it if it is lost.
        </Text>
        <Code block aria-label="Signing secret">
          {props.secret}
        </Code>
        <Group>
          <CopyButton value={props.secret}>
            {({ copied, copy }) => (
              <Button size="xs" onClick={copy}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={props.onDone}>
            Done
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * The brand's webhook endpoints for its admins: where events go, which
 * events, paused or not; add, edit, rotate the secret, delete, and each
 * endpoint's deliveries.
 */
export default function WebhooksPage() {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: Endpoints,
    requestPolicy: 'cache-and-network',
  });
  const [created, create] = useMutation(CreateEndpoint);
  const [updated, update] = useMutation(UpdateEndpoint);
  const [rotated, rotate] = useMutation(RotateSecret);
  const [deleted, remove] = useMutation(DeleteEndpoint);
  // 'new', an endpoint's id, or null when no form is open.
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const formError = editing === 'new' ? created.error : updated.error;
  const problems = Object.fromEntries(
    (formError ? problemsOf(formError) : []).map((p) => [p.path.replace(/\..*$/, ''), p.message]),
  );
  const actionError = rotated.error ?? deleted.error;

  async function save(values: FormValues, endpoint?: Endpoint) {
    setDone(null);
    const fields = {
      url: values.url,
      description: values.description || null,
      subscriptions: subscriptionsOf(values.events),
    };
    if (!endpoint) {
      const result = await create({ input: fields });
      if (result.error || !result.data) return;
      setSecret({
        url: result.data.createWebhookEndpoint.endpoint.url,
        secret: result.data.createWebhookEndpoint.secret,
      });
    } else {
      const result = await update({
        input: { id: endpoint.id, ...fields, enabled: values.enabled },
      });
      if (result.error) return;
      setDone(`Saved the endpoint ${values.url}.`);
    }
    setEditing(null);
    reload();
  }

  async function rotateSecret(endpoint: Endpoint) {
    setDone(null);
    if (
      !window.confirm(`Replace the signing secret of ${endpoint.url}? The old one stops working.`)
    ) {
      return;
    }
    const result = await rotate({ input: { id: endpoint.id } });
    if (result.error || !result.data) return;
    setSecret({ url: endpoint.url, secret: result.data.rotateWebhookSecret.secret });
    reload();
  }

  async function deleteEndpoint(endpoint: Endpoint) {
    setDone(null);
    if (!window.confirm(`Delete the endpoint ${endpoint.url} and its delivery history?`)) return;
    const result = await remove({ input: { id: endpoint.id } });
    if (result.error) return;
    setDone(`Deleted the endpoint ${endpoint.url}.`);
    reload();
  }

  const endpoints = data?.webhookEndpoints ?? [];
  return (
    <Stack component="section" maw={1100}>
      <Title order={1}>Webhooks</Title>
      <Text>
        Where your brand’s webhook events go: each endpoint receives the events it subscribes to,
        signed with its own secret (see the webhook guide for receivers).
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error)}
        </Alert>
      )}
      {actionError && (
        <Alert color="red" role="alert">
          {describeError(actionError)}
        </Alert>
      )}
      {formError && Object.keys(problems).length === 0 && (
        <Alert color="red" role="alert">
          {describeError(formError)}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {secret && <NewSecret {...secret} onDone={() => setSecret(null)} />}
      {fetching && !data && <Loader aria-label="Loading the endpoints" />}
      {data && endpoints.length === 0 && <Text>No endpoints yet.</Text>}
      {endpoints.length > 0 && (
        <TableScroll label="Endpoints (scrolls sideways)">
          <Table aria-label="Endpoints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>URL</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((endpoint) => (
                <Table.Tr key={endpoint.id}>
                  <Table.Th scope="row" className="console-value">
                    {endpoint.url}
                    {endpoint.description && (
                      <Text size="xs" c="dimmed">
                        {endpoint.description}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      Secret {endpoint.secretPrefix}…
                    </Text>
                  </Table.Th>
                  <Table.Td>{describeEvents(endpoint.subscriptions)}</Table.Td>
                  <Table.Td>
                    <Badge color={endpoint.enabled ? 'green.2' : 'gray.3'} c="black">
                      {endpoint.enabled ? 'Enabled' : 'Paused'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <Anchor
                        component={Link}
                        href={`/admin/webhooks/${endpoint.id}`}
                        size="sm"
                        aria-label={`Deliveries to ${endpoint.url}`}
                      >
                        Deliveries
                      </Anchor>
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={`Edit ${endpoint.url}`}
                        onClick={() => setEditing(endpoint.id)}
                      >
                        Edit
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        aria-label={`Rotate secret of ${endpoint.url}`}
                        loading={rotated.fetching}
                        onClick={() => rotateSecret(endpoint)}
                      >
                        Rotate secret
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        color="red"
                        aria-label={`Delete ${endpoint.url}`}
                        loading={deleted.fetching}
                        onClick={() => deleteEndpoint(endpoint)}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {editing === null && (
        <Group>
          <Button onClick={() => setEditing('new')}>Add an endpoint</Button>
        </Group>
      )}
      {editing === 'new' && (
        <EndpointForm
          title="New endpoint"
          submitLabel="Add the endpoint"
          initial={{ url: 'https://', description: '', events: new Set(), enabled: true }}
          busy={created.fetching}
          problems={problems}
          withEnabled={false}
          onSubmit={(values) => save(values)}
          onCancel={() => setEditing(null)}
        />
      )}
      {endpoints
        .filter((endpoint) => endpoint.id === editing)
        .map((endpoint) => (
          <EndpointForm
            key={endpoint.id}
            title={`Edit ${endpoint.url}`}
            submitLabel="Save"
            initial={{
              url: endpoint.url,
              description: endpoint.description ?? '',
              events: keysOf(endpoint.subscriptions),
              enabled: endpoint.enabled,
            }}
            busy={updated.fetching}
            problems={problems}
            withEnabled
            onSubmit={(values) => save(values, endpoint)}
            onCancel={() => setEditing(null)}
          />
        ))}
    </Stack>
  );
}
