import { Box, Button, Group, Text, Title } from '@mantine/core';
import { Link, Route, Switch } from 'wouter';
import { useMutation } from 'urql';
import { type Session, session } from './api/session';
import { graphql } from './gql';
import { ClinicsPage } from './pages/ClinicsPage';
import { NotFoundPage } from './pages/NotFoundPage';

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

/** Everything behind sign-in, loaded as its own chunk. */
export default function SignedInApp({ session: current }: { session: Session }) {
  const [, logout] = useMutation(Logout);
  async function signOut() {
    await logout({});
    // Whatever the server answered, this tab forgets the session.
    session.set(null);
  }
  return (
    // Plain boxes, not AppShell: its responsive sizes are <style> tags, which the CSP refuses.
    <>
      <Box component="header" px="md" py="xs" className="console-header">
        <Group justify="space-between" wrap="nowrap">
          <Link href="/" className="console-home-link">
            <Title order={2} size="h4">
              Clinic console
            </Title>
          </Link>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" truncate>
              {current.user.displayName || current.user.email}
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </Box>
      <Box component="main" p="md">
        <Switch>
          <Route path="/">
            <ClinicsPage user={current.user} />
          </Route>
          <Route>
            <NotFoundPage />
          </Route>
        </Switch>
      </Box>
    </>
  );
}
