import type { ApiKeyScope, Actor } from '../../src/auth/actor';
import { BearerAuthService } from '../../src/auth/bearer-auth.service';
import type { ContentType } from '../../src/content-types/registry';
import { DraftWriterService } from '../../src/editing/draft-writer.service';
import { EditorReadsService } from '../../src/editing/editor-reads.service';
import type { ItemView } from '../../src/editing/item-view';
import { PublisherService } from '../../src/editing/publisher.service';
import type { WriteContext } from '../../src/editing/write-context';
import { type ApiKeyFixture, newApiKey, newBrand, uniqueSlug } from './factories';
import type { TestApp } from './test-app';

export type { ApiKeyFixture } from './factories';

/**
 * A published brand of its own (newBrand), so a spec can count every change
 * of it while other specs write to the demo brand, with an admin key and
 * helpers that write through the one write path.
 */
export interface ScratchBrand {
  id: string;
  slug: string;
  admin: ApiKeyFixture;
  /** The admin key as an Actor, for calls of the write engine's services. */
  ctx: WriteContext;
  clinicIds: Record<string, string>;
  treatmentId: string;
  createKey(scopes: ApiKeyScope[], clinicIds?: string[]): Promise<ApiKeyFixture>;
  reads: EditorReadsService;
  drafts: DraftWriterService;
  publisher: PublisherService;
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

export async function createScratchBrand(app: TestApp, size = 3): Promise<ScratchBrand> {
  const brand = await newBrand(app.dataSource, { slug: uniqueSlug('synd'), size });
  const createKey = (scopes: ApiKeyScope[], clinicIds?: string[]) =>
    newApiKey(app.dataSource, brand.brand, scopes, clinicIds);
  const admin = await createKey(['admin']);
  const actor: Actor = await app.app
    .get(BearerAuthService)
    .authenticate(admin.headers.authorization);
  const ctx: WriteContext = { actor, source: 'API' };
  const reads = app.app.get(EditorReadsService);
  const drafts = app.app.get(DraftWriterService);
  const publisher = app.app.get(PublisherService);
  const version = async (type: ContentType, itemId: string) =>
    (await reads.get(ctx, type, itemId)).version;
  const publish = async (type: ContentType, itemId: string) =>
    (await publisher.publish(ctx, [{ type, id: itemId, version: await version(type, itemId) }]))[0];

  return {
    id: brand.brand,
    slug: brand.slug,
    admin,
    ctx,
    clinicIds: brand.clinics,
    treatmentId: brand.treatment,
    createKey,
    reads,
    drafts,
    publisher,
    async edit(type, itemId, changes) {
      const draft = await drafts.update(
        ctx,
        { type, id: itemId, version: await version(type, itemId) },
        changes,
      );
      return (await publisher.publish(ctx, [{ type, id: itemId, version: draft.version }]))[0];
    },
    async create(type, fixed, values) {
      const draft = await drafts.create(ctx, type, fixed, values);
      return (await publisher.publish(ctx, [{ type, id: draft.id, version: draft.version }]))[0];
    },
    async remove(type, itemId) {
      const staged = await drafts.remove(ctx, {
        type,
        id: itemId,
        version: await version(type, itemId),
      });
      if (staged.status === 'PUBLISHED') {
        await publisher.publish(ctx, [{ type, id: itemId, version: staged.version }]);
      }
    },
    async unpublish(type, itemId) {
      return publisher.unpublish(ctx, { type, id: itemId, version: await version(type, itemId) });
    },
    publish,
  };
}
