import { Stack, Text, Title } from '@mantine/core';
import type { SessionUser } from '../api/session';

export function ClinicsPage({ user }: { user: SessionUser }) {
  return (
    <Stack component="section">
      <Title order={1}>Your clinics</Title>
      <Text>Signed in as {user.email}.</Text>
    </Stack>
  );
}
