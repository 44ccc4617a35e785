import {
  Alert,
  Badge,
  Button,
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
import type { PeopleQuery, PersonFragment } from '../../gql/graphql';
import { AdminGate } from './AdminGate';
import { type Places, ROLE_LABELS, RoleFields, type RoleValues, roleInput } from './RoleFields';

const People = graphql(`
  query People($after: String) {
    people(first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...Person
        }
      }
    }
    editableClinics {
      itemId
      name
      region {
        itemId
        name
      }
    }
  }

  fragment Person on User {
    id
    email
    displayName
    role
    disabledAt
    lastSignInAt
    regions {
      itemId
      name
    }
    clinics {
      id
      name
    }
    viewerCan {
      changeRole {
        allowed
        reason
      }
      disable {
        allowed
        reason
      }
      enable {
        allowed
        reason
      }
    }
  }
`);

const InviteUser = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      setPasswordToken
      expiresAt
      user {
        id
        email
      }
    }
  }
`);

const UpdateUserRole = graphql(`
  mutation UpdateUserRole($input: UpdateUserRoleInput!) {
    updateUserRole(input: $input) {
      id
    }
  }
`);

const DisableUser = graphql(`
  mutation DisableUser($input: DisableUserInput!) {
    disableUser(input: $input) {
      id
    }
  }
`);

const EnableUser = graphql(`
  mutation EnableUser($input: EnableUserInput!) {
    enableUser(input: $input) {
      id
    }
  }
`);

const NewSetPasswordLink = graphql(`
  mutation NewSetPasswordLink($input: CreatePasswordResetInput!) {
    createPasswordReset(input: $input) {
      token
      expiresAt
    }
  }
`);

type Person = PersonFragment;

/**
 * The set-password link for a one-time token. The token travels in the
 * fragment, which the browser never sends to a server (nor to logs or
 * referrers); the set-password screen reads it from there.
 */
const setPasswordLink = (token: string) =>
  `${window.location.origin}/console/set-password#token=${encodeURIComponent(token)}`;

/** A link to show once: whose it is and until when it works. */
interface IssuedLink {
  email: string;
  url: string;
  expiresAt: string;
}

/** The brand's people (brand admins only): invite, change role and places, disable, enable. */
export default function PeoplePage() {
  return (
    <AdminGate what="People">
      <PeopleScreen />
    </AdminGate>
  );
}

function PeopleScreen() {
  // A stack of cursors: the last is where the shown page starts (null: the first page).
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [{ data, error, fetching }, refetch] = useQuery({
    query: People,
    variables: { after: pages[pages.length - 1] },
    requestPolicy: 'cache-and-network',
  });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const [, disableUser] = useMutation(DisableUser);
  const [, enableUser] = useMutation(EnableUser);
  const [, newLink] = useMutation(NewSetPasswordLink);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (error) {
    return (
      <Alert color="red" role="alert">
        {describeError(error)}
      </Alert>
    );
  }
  if (fetching && !data) return <Loader aria-label="Loading people" />;
  if (!data) return null;

  const places = placesOf(data.editableClinics);
  const people = data.people.edges.map((edge) => edge.node);
  const edited = people.find((user) => user.id === editing);
  const { pageInfo, totalCount } = data.people;

  async function act(run: () => Promise<{ error?: CombinedError }>) {
    setActionError(null);
    const result = await run();
    if (result.error) setActionError(result.error);
    else reload();
  }

  async function issueLink(person: Person) {
    setActionError(null);
    const result = await newLink({ input: { userId: person.id } });
    if (result.error) return setActionError(result.error);
    const { token, expiresAt } = result.data!.createPasswordReset;
    setIssued({ email: person.email, url: setPasswordLink(token), expiresAt });
  }

  return (
    <Stack component="section" maw={1100}>
      <Title order={1}>People</Title>
      <Text>
        Everyone who may sign in to your brand’s console: what they may edit, and when they last
        signed in. You invite people; they choose their own password.
      </Text>
      {issued && (
        <SecretOnce
          title={`Set-password link for ${issued.email}`}
          label="Set-password link"
          value={issued.url}
          onClose={() => setIssued(null)}
        >
          <Text size="sm">
            Send it to them yourself. It works once, until {onThisClock(issued.expiresAt)}.
          </Text>
        </SecretOnce>
      )}
      {actionError && (
        <Alert color="red" role="alert">
          {describeError(actionError)}
        </Alert>
      )}
      {inviting ? (
        <InviteForm
          places={places}
          onInvited={(link) => {
            setInviting(false);
            setIssued(link);
            reload();
          }}
          onClose={() => setInviting(false)}
        />
      ) : (
        <Group>
          <Button onClick={() => setInviting(true)}>Invite someone</Button>
        </Group>
      )}
      <TableScroll label="People">
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Places</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {person.displayName || person.email}
                  </Text>
                  {person.displayName && <Text size="xs">{person.email}</Text>}
                </Table.Td>
                <Table.Td>{ROLE_LABELS[person.role]}</Table.Td>
                <Table.Td>{placesText(person)}</Table.Td>
                <Table.Td>
                  <StatusBadge person={person} />
                </Table.Td>
                <Table.Td>
                  {person.lastSignInAt ? onThisClock(person.lastSignInAt) : 'Never'}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    {person.viewerCan.changeRole.allowed && (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Change role of ${person.email}`}
                        onClick={() => setEditing(person.id)}
                      >
                        Change role
                      </Button>
                    )}
                    {person.disabledAt
                      ? person.viewerCan.enable.allowed && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Enable ${person.email}`}
                            onClick={() => act(() => enableUser({ input: { userId: person.id } }))}
                          >
                            Enable
                          </Button>
                        )
                      : person.viewerCan.disable.allowed && (
                          <ConfirmAction
                            label="Disable"
                            name={`Disable ${person.email}`}
                            question={`Disable ${person.email}? They are signed out at once.`}
                            confirmLabel="Disable"
                            onConfirm={() =>
                              act(() => disableUser({ input: { userId: person.id } }))
                            }
                          />
                        )}
                    {!person.disabledAt &&
                      !person.lastSignInAt &&
                      person.viewerCan.enable.allowed && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={`New link for ${person.email}`}
                          onClick={() => issueLink(person)}
                        >
                          New link
                        </Button>
                      )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {(pageInfo.hasNextPage || pages.length > 1) && (
        <Group gap="sm">
          <Text size="sm">
            {totalCount} people; page {pages.length}.
          </Text>
          <Button
            size="xs"
            variant="default"
            disabled={pages.length === 1}
            onClick={() => setPages(pages.slice(0, -1))}
          >
            Previous page
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={!pageInfo.hasNextPage}
            onClick={() => setPages([...pages, pageInfo.endCursor])}
          >
            Next page
          </Button>
        </Group>
      )}
      {edited && (
        <ChangeRoleForm
          key={edited.id}
          person={edited}
          places={places}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function StatusBadge({ person }: { person: Person }) {
  if (person.disabledAt)
    return (
      <Badge color="red" variant="light" className="console-status">
        Disabled
      </Badge>
    );
  if (!person.lastSignInAt)
    return (
      <Badge color="gray" variant="light" className="console-status">
        Not signed in yet
      </Badge>
    );
  return (
    <Badge color="blue" variant="light" className="console-status">
      Active
    </Badge>
  );
}

function placesText(person: Person): string {
  const names = [...person.regions.map((r) => r.name), ...person.clinics.map((c) => c.name)];
  if (names.length) return names.join(', ');
  return person.role === 'REGION_EDITOR' || person.role === 'CLINIC_EDITOR'
    ? 'None'
    : 'Whole brand';
}

/** The brand's regions and clinics, from the clinics a brand admin may edit (all of them). */
function placesOf(clinics: PeopleQuery['editableClinics']): Places {
  const regions = new Map<string, string>();
  for (const clinic of clinics) {
    if (clinic.region) regions.set(clinic.region.itemId, clinic.region.name);
  }
  return {
    regions: [...regions]
      .map(([itemId, name]) => ({ itemId, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    clinics: clinics
      .map(({ itemId, name }) => ({ itemId, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function useProblems(error: CombinedError | undefined) {
  const problems = error ? problemsOf(error) : [];
  return {
    problem: (field: string) => problems.find((p) => p.path === field)?.message,
    /** The error when no field names it (said above the buttons). */
    general: error && problems.length === 0 ? describeError(error) : null,
  };
}

function InviteForm(props: {
  places: Places;
  onInvited: (link: IssuedLink) => void;
  onClose: () => void;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<RoleValues>({
    role: 'CLINIC_EDITOR',
    regionIds: [],
    clinicIds: [],
  });
  const [{ fetching, error }, invite] = useMutation(InviteUser);
  const { problem, general } = useProblems(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await invite({
      input: { email, displayName: displayName || null, ...roleInput(role) },
    });
    if (!result.data) return;
    const { setPasswordToken, expiresAt, user } = result.data.inviteUser;
    props.onInvited({ email: user.email, url: setPasswordLink(setPasswordToken), expiresAt });
  }

  return (
    <Stack component="form" onSubmit={submit} aria-label="Invite someone" className="console-panel">
      <Title order={2}>Invite someone</Title>
      <Text size="sm">
        You get a link to send them; they choose their own password with it. Nobody else ever sees
        it.
      </Text>
      <TextInput
        label="Email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={problem('email')}
      />
      <TextInput
        label="Name"
        description="Shown in the history of their changes"
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={problem('displayName')}
      />
      <RoleFields value={role} onChange={setRole} places={props.places} problem={problem} />
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={fetching}>
          Invite
        </Button>
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

function ChangeRoleForm(props: {
  person: Person;
  places: Places;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { person } = props;
  const [role, setRole] = useState<RoleValues>({
    role: person.role,
    regionIds: person.regions.map((r) => r.itemId),
    clinicIds: person.clinics.map((c) => c.id),
  });
  const [{ fetching, error }, update] = useMutation(UpdateUserRole);
  const { problem, general } = useProblems(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await update({ input: { userId: person.id, ...roleInput(role) } });
    if (result.data) props.onSaved();
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      aria-label={`Change role of ${person.email}`}
      className="console-panel"
    >
      <Title order={2}>Change role of {person.displayName || person.email}</Title>
      <Text size="sm">It applies from their next request; they stay signed in.</Text>
      <RoleFields value={role} onChange={setRole} places={props.places} problem={problem} />
      {general && (
        <Alert color="red" role="alert">
          {general}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={fetching}>
          Save role
        </Button>
        <Button variant="default" onClick={props.onClose}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
