import type { ApiKeyScope } from '../../src/auth/actor';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import type { TestApp } from './test-app';

/**
 * Headers carrying a new API key of the brand `brandSlug`, made the way the
 * CLI makes one (for brands without a demo admin to sign in as).
 */
export async function apiKeyHeaders(
  app: TestApp,
  brandSlug: string,
  scopes: ApiKeyScope[],
): Promise<Record<string, string>> {
  const [brand] = await app.dataSource.query(`SELECT id FROM brands WHERE slug = $1`, [brandSlug]);
  const { key } = await app.app
    .get(ApiKeysService)
    .createApiKeyInBrand(
      brand.id,
      { name: `test ${scopes.join(' ')}`, scopes },
      { kind: 'CLI', id: null, label: 'test' },
    );
  return { authorization: `Bearer ${key}` };
}
