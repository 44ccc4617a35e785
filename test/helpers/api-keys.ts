import type { ApiKeyScope } from '../../src/auth/actor';
import { newApiKey } from './factories';
import type { TestApp } from './test-app';

/**
 * Headers carrying a new API key of the brand `brandSlug` (newApiKey), for
 * brands without a demo admin to sign in as.
 */
export async function apiKeyHeaders(
  app: TestApp,
  brandSlug: string,
  scopes: ApiKeyScope[],
): Promise<Record<string, string>> {
  const [brand] = await app.dataSource.query(`SELECT id FROM brands WHERE slug = $1`, [brandSlug]);
  return (await newApiKey(app.dataSource, brand.id, scopes)).headers;
}
