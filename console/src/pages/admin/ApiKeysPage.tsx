import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { describeError, problemsOf } from '../../api/errors';
import { onThisClock } from '../../api/time';
import { ConfirmAction } from '../../components/ConfirmAction';
import { SecretOnce } from '../../components/SecretOnce';
import { TableScroll } from '../../components/TableScroll';
import { graphql } from '../../gql';
import type { ApiKeyScope, ApiKeysQuery } from '../../gql/graphql';
import { AdminGate } from './AdminGate';

const ApiKeys = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      prefix
      scopes
      expiresAt
      revokedAt
      createdAt
      lastUsedAt
    }
  }
`);

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
      }
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      id
    }
  }
`);

/** What each scope lets a key do, in words (the API's ApiKeyScope). */
const SCOPES: { value: ApiKeyScope; label: string; hint: string }[] = [
  { value: 'DELIVERY', label: 'Delivery', hint: 'Reads published content (a website).' },
  { value: 'PREVIEW', label: 'Preview', hint: 'Reads drafts too (a preview site).' },
  {
    value: 'PARTNER',
    label: 'Partner',
    hint: 'Syncs content to a partner (content changes feed).',
  },
  { value: 'ADMIN', label: 'Admin', hint: 'Acts as a brand admin, with every other scope.' },
];
const SCOPE_LABELS = new Map(SCOPES.map((scope) => [scope.value, scope.label]));

type Key = ApiKeysQuery['apiKeys'][number];

/** The brand's API keys (brand admins only): create one (shown once), see its use, revoke it. */
export default function ApiKeysPage() {
  return (
    <AdminGate what="API keys">
      <ApiKeysScreen />
    </AdminGate>
  );
}

function ApiKeysScreen() {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: ApiKeys,
    requestPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revokeError, setRevokeError] = useState<CombinedError | null>(null);
  const [, revoke] = useMutation(RevokeApiKey);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading API keys" />;
  if (!data) return null;

  async function revokeKey(key: Key) {
    setRevokeError(null);
    const result = await revoke({ input: { id: key.id } });
    if (result.error) setRevokeError(result.error);
    else reload();
  }

  return (
    <Stack component="section" maw={1100}>
      <Title order={1}>API keys</Title>
      <Text>
        Keys let your websites and partners read content. A key is sent as{' '}
        <code>Authorization: Bearer …</code>; it is shown once, when you create it, and works until
        it expires or you revoke it.
      </Text>
      {created && (
        <SecretOnce
          title={`New key “${created.name}”`}
          label="API key"
          value={created.key}
          onClose={() => setCreated(null)}
        />
      )}
      {revokeError && (
        <Alert color="red" role="alert">
          {describeError(revokeError)}
        </Alert>
      )}
      {creating ? (
        <CreateKeyForm
          onCreated={(key) => {
            setCreating(false);
            setCreated(key);
            reload();
          }}
          onClose={() => setCreating(false)}
        />
      ) : (
        <Group>
          <Button onClick={() => setCreating(true)}>Create a key</Button>
        </Group>
      )}
      <TableScroll label="API keys">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Starts with</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.apiKeys.map((key) => (
              <Table.Tr key={key.id}>
                <Table.Td>{key.name}</Table.Td>
                <Table.Td>
                  <code>{key.prefix}</code>
                </Table.Td>
                <Table.Td>{key.scopes.map((s) => SCOPE_LABELS.get(s) ?? s).join(', ')}</Table.Td>
                <Table.Td>{key.lastUsedAt ? onThisClock(key.lastUsedAt) : 'Never'}</Table.Td>
                <Table.Td>{key.expiresAt ? onThisClock(key.expiresAt) : 'Never'}</Table.Td>
                <Table.Td>
                  <KeyStatus apiKey={key} />
                </Table.Td>
                <Table.Td>
                  {!key.revokedAt && (
                    <ConfirmAction
                      label="Revoke"
                      name={`Revoke ${key.name}`}
                      question={`Revoke “${key.name}”? It stops working at once; this cannot be undone.`}
                      confirmLabel="Revoke key"
                      onConfirm={() => revokeKey(key)}
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {data.apiKeys.length === 0 && <Text>Your brand has no API key yet.</Text>}
    </Stack>
  );
}

function KeyStatus({ apiKey }: { apiKey: Key }) {
  if (apiKey.revokedAt)
    return (
      <Badge color="red" variant="light" className="console-status">
        Revoked
      </Badge>
    );
  // The list is read when the page loads; a key that expired since shows on reload.
  if (apiKey.expiresAt && Date.parse(apiKey.expiresAt) <= Date.now()) {
    return (
      <Badge color="gray" variant="light" className="console-status">
        Expired
      </Badge>
    );
  }
  return (
    <Badge color="blue" variant="light" className="console-status">
      Active
    </Badge>
  );
}

function CreateKeyForm(props: {
  onCreated: (key: { name: string; key: string }) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['DELIVERY']);
  const [expires, setExpires] = useState('');
  const [{ fetching, error }, create] = useMutation(CreateApiKey);
  const problems = error ? problemsOf(error) : [];
  const problem = (field: string) => problems.find((p) => p.path === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({
      input: {
        name,
        scopes: scopes as ApiKeyScope[],
        // The end of the chosen day on the admin's clock.
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
      },
    });
    if (result.data) {
      const { key, apiKey } = result.data.createApiKey;
      props.onCreated({ name: apiKey.name, key });
    }
  }

  return (
    <Stack component="form" onSubmit={submit} aria-label="Create a key" className="console-panel">
      <Title order={2}>Create a key</Title>
      <TextInput
        label="Name"
        description="What it is for, e.g. Website (production)"
        required
        maxLength={100}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={problem('name')}
      />
      <Checkbox.Group
        label="Scopes"
        description="What the key may do"
        value={scopes}
        onChange={setScopes}
        error={problem('scopes')}
      >
        <Stack gap="xs" mt="xs">
          {SCOPES.map((scope) => (
            <Checkbox
              key={scope.value}
              value={scope.value}
              label={scope.label}
              description={scope.hint}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput
        label="Expires on"
        description="The key stops working at the end of this day; empty: never"
        type="date"
        value={expires}
        onChange={(e) => setExpires(e.currentTarget.value)}
        error={problem('expiresAt')}
      />
      {error && problems.length === 0 && (
        <Alert color="red" role="alert">
          {describeError(error)}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={fetching}>
          Create key
        </Button>
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
