import { Group, Text } from '@mantine/core';
import { Link } from 'wouter';

/**
 * The header's "Admin" group: the brand admin's screens, shown when the API
 * says the caller may manage the brand's accounts.
 */
export function AdminLinks() {
  return (
    <Group component="nav" aria-label="Admin" gap="sm" wrap="wrap">
      <Text size="sm" fw={600} c="dimmed">
        Admin
      </Text>
      <Link href="/admin/people" className="console-header-link">
        People
      </Link>
      <Link href="/admin/api-keys" className="console-header-link">
        API keys
      </Link>
    </Group>
  );
}
