import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { describeError, problemsOf } from '../api/errors';
import { graphql } from '../gql';

const SetPassword = graphql(`
  mutation SetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

/** The token of a set-password link (an invitation or a reset), from the fragment, which no server sees. */
const tokenInLink = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

/** Where an invited editor (or one whose password was reset) chooses a password. Public. */
export default function SetPasswordPage() {
  const [token] = useState(tokenInLink);
  // Once read, the token leaves the address bar and the history entry, so it
  // is not left behind in the browser.
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }, []);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [{ fetching, error, data }, setNewPassword] = useMutation(SetPassword);
  const problems = error ? problemsOf(error) : [];
  const problem = (field: string) => problems.find((p) => p.path === field)?.message;
  const tokenProblem = problem('token');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    await setNewPassword({ input: { token, newPassword: password } });
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={460}>
        {data?.resetPassword ? (
          <Stack>
            <Title order={1} size="h2">
              Your password is set
            </Title>
            <Text>Sign in with your email and the password you just chose.</Text>
            <Anchor component={Link} href="/">
              Go to sign in
            </Anchor>
          </Stack>
        ) : !token || tokenProblem ? (
          <Stack>
            <Title order={1} size="h2">
              This link does not work
            </Title>
            <Alert color="red" role="alert">
              {tokenProblem ??
                'The link is incomplete. Open the whole link you were sent, or ask your brand admin for a new one.'}
            </Alert>
            <Anchor component={Link} href="/">
              Go to sign in
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={submit}>
            <Stack>
              <Title order={1} size="h2">
                Choose your password
              </Title>
              <Text size="sm">
                At least 12 characters and hard to guess: a few unrelated words work well. Nobody
                else, not even your brand admin, ever sees it.
              </Text>
              {error && !problem('newPassword') && (
                <Alert color="red" role="alert">
                  {describeError(error)}
                </Alert>
              )}
              <PasswordInput
                label="New password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={problem('newPassword')}
              />
              <PasswordInput
                label="Repeat the password"
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch ? 'The two passwords differ' : undefined}
              />
              <Button type="submit" loading={fetching}>
                Set password
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </Center>
  );
}
