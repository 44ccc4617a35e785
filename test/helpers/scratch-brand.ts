import type { ApiKeyScope, Actor } from '../../src/auth/actor';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { BearerAuthService } from '../../src/auth/bearer-auth.service';
import type { ContentType } from '../../src/content-types/registry';
import {
  ContentWriterService,
  ItemView,
  WriteContext,
} from '../../src/editing/content-writer.service';
import { createSizedNetwork } from '../fixtures/sized-network';
import type { TestApp } from './test-app';

export interface ApiKeyFixture {
  id: string;
  key: string;
  headers: Record<string, string>;
}

/**
 * A published brand of its own (createSizedNetwork), so a spec can count
 * every change of it while other specs write to the demo brand, with an
 * admin key and helpers that write through the one write path.
 */
export interface ScratchBrand {
  id: string;
  slug: string;
  admin: ApiKeyFixture;
  /** The admin key as an Actor, for ContentWriterService calls. */
  ctx: WriteContext;
  clinicIds: Record<string, string>;
  treatmentId: string;
  createKey(scopes: ApiKeyScope[], clinicIds?: string[]): Promise<ApiKeyFixture>;
  writer: ContentWriterService;
  /** Saves changes as a draft and publishes them; returns the published view. */
  edit(type: ContentType, id: string, changes: Record<string, unknown>): Promise<ItemView>;
  create(
    type: ContentType,
    fixed: Record<string, unknown>,
    values: Record<string, unknown>,
  ): Promise<ItemView>;
  /** Stages the deletion and publishes it. */
  remove(type: ContentType, id: string): Promise<void>;
  unpublish(type: ContentType, id: string): Promise<ItemView>;
  /** Publishes an item's current state (e.g. after unpublish). */
  publish(type: ContentType, id: string): Promise<ItemView>;
}

let counter = 0;

export async function createScratchBrand(app: TestApp, size = 3): Promise<ScratchBrand> {
  counter += 1;
  const slug = `synd-${process.pid}-${Date.now()}-${counter}`;
  await createSizedNetwork(app.dataSource, slug, size);
  const [{ id }] = await app.dataSource.query(`SELECT id FROM brands WHERE slug = $1`, [slug]);
  const clinics: { id: string; slug: string }[] = await app.dataSource.query(
    `SELECT id, slug FROM clinics WHERE brand_id = $1`,
    [id],
  );
  const [{ id: treatmentId }] = await app.dataSource.query(
    `SELECT id FROM treatments WHERE brand_id = $1`,
    [id],
  );
  const keys = app.app.get(ApiKeysService);
  const createKey = async (scopes: ApiKeyScope[], clinicIds?: string[]) => {
    const created = await keys.createApiKeyInBrand(
      id,
      { name: `test ${scopes.join('+')}`, scopes, clinicIds },
      { kind: 'SYSTEM', id: null, label: 'test' },
    );
    return {
      id: created.apiKey.id,
      key: created.key,
      headers: { authorization: `Bearer ${created.key}` },
    };
  };
  const admin = await createKey(['admin']);
  const actor: Actor = await app.app
    .get(BearerAuthService)
    .authenticate(admin.headers.authorization);
  const ctx: WriteContext = { actor, source: 'API' };
  const writer = app.app.get(ContentWriterService);
  const version = async (type: ContentType, itemId: string) =>
    (await writer.get(ctx, type, itemId)).version;
  const publish = async (type: ContentType, itemId: string) =>
    (await writer.publish(ctx, [{ type, id: itemId, version: await version(type, itemId) }]))[0];

  return {
    id,
    slug,
    admin,
    ctx,
    clinicIds: Object.fromEntries(clinics.map((clinic) => [clinic.slug, clinic.id])),
    treatmentId,
    createKey,
    writer,
    async edit(type, itemId, changes) {
      const draft = await writer.update(
        ctx,
        { type, id: itemId, version: await version(type, itemId) },
        changes,
      );
      return (await writer.publish(ctx, [{ type, id: itemId, version: draft.version }]))[0];
    },
    async create(type, fixed, values) {
      const draft = await writer.create(ctx, type, fixed, values);
      return (await writer.publish(ctx, [{ type, id: draft.id, version: draft.version }]))[0];
    },
    async remove(type, itemId) {
      const staged = await writer.remove(ctx, {
        type,
        id: itemId,
        version: await version(type, itemId),
      });
      if (staged.status === 'PUBLISHED') {
        await writer.publish(ctx, [{ type, id: itemId, version: staged.version }]);
      }
    },
    async unpublish(type, itemId) {
      return writer.unpublish(ctx, { type, id: itemId, version: await version(type, itemId) });
    },
    publish,
  };
}
