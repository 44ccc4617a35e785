import { Group, Text } from '@mantine/core';
import { Link } from 'wouter';

/**
 * The header's "Admin" group: the brand admin's screens, each shown when the
 * API says the caller may use it (`Brand.viewerCanManageAccounts`,
 * `viewerCanManageWebhooks`, `viewerCanReadAuditLog`); nothing when none.
 */
export function AdminLinks(rights: { people: boolean; webhooks: boolean; audit: boolean }) {
  if (!rights.people && !rights.webhooks && !rights.audit) return null;
  return (
    <Group component="nav" aria-label="Admin" gap="sm" wrap="wrap">
      <Text size="sm" fw={600} c="dimmed">
        Admin
      </Text>
      {rights.people && (
        <>
          <Link href="/admin/people" className="console-header-link">
            People
          </Link>
          <Link href="/admin/api-keys" className="console-header-link">
            API keys
          </Link>
        </>
      )}
      {rights.webhooks && (
        <Link href="/admin/webhooks" className="console-header-link">
          Webhooks
        </Link>
      )}
      {rights.audit && (
        <Link href="/admin/audit" className="console-header-link">
          Audit log
        </Link>
      )}
    </Group>
  );
}
