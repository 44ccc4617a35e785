import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'wouter';

export function NotFoundPage({ what = 'This page' }: { what?: string }) {
  return (
    <Stack component="section">
      <Title order={1}>Not found</Title>
      <Text>{what} does not exist, or you may not edit it.</Text>
      <Anchor component={Link} href="/">
        Back to your clinics
      </Anchor>
    </Stack>
  );
}
