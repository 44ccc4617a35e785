import { UsersService } from '../../src/auth/users.service';
import type { EditorRole } from '../../src/auth/actor';
import { createSizedNetwork } from '../fixtures/sized-network';
import type { TestApp } from './test-app';

export interface OtherBrand {
  slug: string;
  brandId: string;
  clinicId: string;
  /** Authorization headers of an editor of that brand. */
  headers: Record<string, string>;
}

/**
 * A second published brand (two of everything, see sized-network) and a
 * signed-in editor of it, for checks that brands never see each other.
 */
export async function createOtherBrand(
  app: TestApp,
  slug: string,
  role: EditorRole = 'BRAND_ADMIN',
): Promise<OtherBrand> {
  await createSizedNetwork(app.dataSource, slug, 2);
  const [{ brandId, clinicId }] = await app.dataSource.query(
    `SELECT b.id AS "brandId", c.id AS "clinicId"
       FROM brands b JOIN clinics c ON c.brand_id = b.id WHERE b.slug = $1 ORDER BY c.slug LIMIT 1`,
    [slug],
  );
  const email = `${role.toLowerCase()}@${slug}.example`;
  const password = 'other-brand-password';
  await app.app.get(UsersService).createUserInBrand(
    brandId,
    {
      email,
      password,
      role,
      clinicIds: role === 'CLINIC_EDITOR' ? [clinicId] : undefined,
      regionIds:
        role === 'REGION_EDITOR'
          ? [
              (
                await app.dataSource.query(`SELECT id FROM regions WHERE brand_id = $1`, [brandId])
              )[0].id,
            ]
          : undefined,
    },
    { kind: 'SYSTEM', id: null, label: 'test' },
  );
  const { body } = await app.graphql(
    `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password } },
  );
  return {
    slug,
    brandId,
    clinicId,
    headers: { authorization: `Bearer ${body.data.login.accessToken}` },
  };
}
