import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Actor, type ApiKeyScope, type EditorRole, rolesRegions } from '../../src/auth/actor';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { AuditService } from '../../src/audit/audit.service';
import { UsersService } from '../../src/auth/users.service';
import { createSizedNetwork } from '../fixtures/sized-network';

/**
 * Rows a spec needs, made in one call each (in the manner of immich's
 * medium-test factories): a brand with its network, an editor, an API key.
 * They take only a DataSource, so the HTTP specs (TestApp.dataSource) and
 * the service tier (test/service/) make them alike. Services are built the
 * way the CLI builds them, so a factory never needs a running app.
 */

let slugs = 0;
/** A slug no other test of this run has used. */
export const uniqueSlug = (prefix: string) =>
  `${prefix}-${process.pid.toString(36)}${Date.now().toString(36)}-${++slugs}`;

/** Ids of a brand made by newBrand; its first clinic, provider and price are named. */
export interface BrandFixture {
  /** The brand's id. */
  brand: string;
  slug: string;
  name: string;
  region: string;
  /** clinic-1, which has every provider and the prices. */
  clinic: string;
  /** Every clinic's id by slug (clinic-1 … clinic-n). */
  clinics: Record<string, string>;
  /** Its one treatment, "peel", offered at every clinic. */
  treatment: string;
  /** provider-1, who works at every clinic. */
  provider: string;
  /** clinic-1's offering of the treatment. */
  offering: string;
  /** clinic-1's first price. */
  price: string;
}

/**
 * A published brand of its own with `size` of everything (one region,
 * clinics, providers, prices, FAQs, a clinic override each; see
 * createSizedNetwork), written with SQL: no editor of another brand may
 * touch it, and a spec can count every change of it while other specs write
 * elsewhere.
 */
export async function newBrand(
  db: DataSource,
  { slug = uniqueSlug('brand'), size = 1 }: { slug?: string; size?: number } = {},
): Promise<BrandFixture> {
  if (size < 1) throw new Error('newBrand: size must be at least 1');
  await createSizedNetwork(db, slug, size);
  const [fixture]: BrandFixture[] = await db.query(
    `SELECT b.id AS brand, b.slug, b.name, r.id AS region, c.id AS clinic, t.id AS treatment,
            p.id AS provider, ct.id AS offering, pi.id AS price,
            (SELECT json_object_agg(slug, id) FROM clinics WHERE brand_id = b.id) AS clinics
       FROM brands b
       JOIN regions r ON r.brand_id = b.id
       JOIN clinics c ON c.brand_id = b.id AND c.slug = 'clinic-1'
       JOIN treatments t ON t.brand_id = b.id
       JOIN providers p ON p.brand_id = b.id AND p.slug = 'provider-1'
       JOIN clinic_treatments ct ON ct.clinic_id = c.id AND ct.treatment_id = t.id
       JOIN price_items pi ON pi.clinic_treatment_id = ct.id AND pi.position = 1
      WHERE b.slug = $1`,
    [slug],
  );
  return fixture;
}

/** A new clinic of a brand's region, published, offering nothing yet. */
export async function newClinic(
  db: DataSource,
  brand: Pick<BrandFixture, 'brand' | 'region'>,
  { slug = uniqueSlug('clinic'), name = 'New Clinic' }: { slug?: string; name?: string } = {},
): Promise<string> {
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO clinics (brand_id, region_id, slug, name, address_line1, city, country, latitude,
                          longitude, timezone, publication_status)
     VALUES ($1, $2, $3, $4, '1 Main St', 'Austin', 'US', 30.27, -97.74, 'America/Chicago', 'PUBLISHED')
     RETURNING id`,
    [brand.brand, brand.region, slug, name],
  );
  return id;
}

/** The system actor factories record in revisions and the audit log. */
const FACTORY = { kind: 'SYSTEM' as const, id: null, label: 'test' };

export interface EditorFixture {
  id: string;
  email: string;
  password: string;
  /** The editor as the write engine sees a signed-in caller (the service tier needs no token). */
  actor: Extract<Actor, { kind: 'USER' }>;
}

/** An editor account of the brand, made through UsersService (as the CLI makes one). */
export async function newEditor(
  db: DataSource,
  brandId: string,
  role: EditorRole,
  { clinicIds = [], regionIds = [] }: { clinicIds?: string[]; regionIds?: string[] } = {},
): Promise<EditorFixture> {
  const email = `${role.toLowerCase()}-${uniqueSlug('editor')}@example.com`;
  const password = 'a-long-enough-password';
  const user = await new UsersService(db, new AuditService(db)).createUserInBrand(
    brandId,
    { email, password, role, clinicIds, regionIds },
    FACTORY,
  );
  return {
    id: user.id,
    email,
    password,
    actor: {
      kind: 'USER',
      userId: user.id,
      sessionId: randomUUID(),
      brandId,
      email,
      role,
      regionIds: rolesRegions(role, regionIds),
      clinicIds: role === 'CLINIC_EDITOR' ? clinicIds : [],
    },
  };
}

export interface ApiKeyFixture {
  id: string;
  key: string;
  headers: Record<string, string>;
}

/** An API key of the brand, made through ApiKeysService (as the CLI makes one). */
export async function newApiKey(
  db: DataSource,
  brandId: string,
  scopes: ApiKeyScope[],
  clinicIds?: string[],
): Promise<ApiKeyFixture> {
  const created = await new ApiKeysService(db, new AuditService(db)).createApiKeyInBrand(
    brandId,
    { name: `test ${scopes.join('+')}`, scopes, clinicIds },
    FACTORY,
  );
  return {
    id: created.apiKey.id,
    key: created.key,
    headers: { authorization: `Bearer ${created.key}` },
  };
}
