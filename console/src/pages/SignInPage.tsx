import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../api/errors';
import { session } from '../api/session';
import { graphql } from '../gql';

const StartBrowserSession = graphql(`
  mutation StartBrowserSession($input: LoginInput!) {
    startBrowserSession(input: $input) {
      accessToken
      accessTokenExpiresAt
      user {
        id
        email
        role
        displayName
      }
    }
  }
`);

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [{ fetching, error }, signIn] = useMutation(StartBrowserSession);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await signIn({ input: { email, password } });
    if (result.data) session.set(result.data.startBrowserSession);
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit}>
          <Stack>
            <Title order={1} size="h2">
              Sign in to the clinic console
            </Title>
            {error && (
              <Alert color="red" role="alert" title="Could not sign in">
                {describeError(error)}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={fetching}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
