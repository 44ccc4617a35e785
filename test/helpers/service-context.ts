import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { EditorRole } from '../../src/auth/actor';
import type { AppConfig } from '../../src/config/app-config';
import { AppConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/database/database.module';
import type { ContentType } from '../../src/content-types/registry';
import { DraftWriterService } from '../../src/editing/draft-writer.service';
import { EditorReadsService } from '../../src/editing/editor-reads.service';
import type { ItemView } from '../../src/editing/item-view';
import { PublisherService } from '../../src/editing/publisher.service';
import type { ItemRef, WriteContext } from '../../src/editing/write-context';
import { EditingModule } from '../../src/editing/editing.module';
import { type BrandFixture, type EditorFixture, newBrand, newClinic, newEditor } from './factories';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';
import { testConfig } from './test-app';

/** The write engine and what it needs, without GraphQL, HTTP or the rest of the app. */
@Module({})
class WriteEngineTier {}

export type EditorContext = EditorFixture & { ctx: WriteContext };

/**
 * The service tier: the write engine's services on real PostgreSQL (an
 * empty migrated database of its own), called directly. For specs of what
 * the engine guarantees (versions, drafts, atomic publishes, concurrency,
 * revisions) where going through HTTP would add nothing but time; what
 * GraphQL adds (input validation, error shapes, who may call) stays in the
 * HTTP specs. Rows come from the factories: `ctx.newBrand()`,
 * `ctx.newClinic()`, `ctx.newEditor()`.
 */
export class ServiceContext {
  private constructor(
    readonly app: INestApplicationContext,
    readonly db: DataSource,
    private readonly scratch: ScratchDatabase,
  ) {}

  static async start(overrides: Partial<AppConfig> = {}): Promise<ServiceContext> {
    const scratch = await createScratchDatabase('migrated');
    try {
      const config = testConfig({ ...overrides, databaseUrl: scratch.url });
      const app = await NestFactory.createApplicationContext(
        {
          module: WriteEngineTier,
          imports: [AppConfigModule.register(config), DatabaseModule, EditingModule],
        },
        { logger: false, abortOnError: false },
      );
      return new ServiceContext(app, app.get(DataSource), scratch);
    } catch (error) {
      await scratch.drop();
      throw error;
    }
  }

  get reads(): EditorReadsService {
    return this.app.get(EditorReadsService);
  }

  get drafts(): DraftWriterService {
    return this.app.get(DraftWriterService);
  }

  get publisher(): PublisherService {
    return this.app.get(PublisherService);
  }

  newBrand(options?: Parameters<typeof newBrand>[1]): Promise<BrandFixture> {
    return newBrand(this.db, options);
  }

  newClinic(
    brand: Pick<BrandFixture, 'brand' | 'region'>,
    options?: Parameters<typeof newClinic>[2],
  ): Promise<string> {
    return newClinic(this.db, brand, options);
  }

  /** An editor of the brand and the write context of its calls (source API). */
  async newEditor(
    brandId: string,
    role: EditorRole,
    assignments?: Parameters<typeof newEditor>[3],
  ): Promise<EditorContext> {
    const editor = await newEditor(this.db, brandId, role, assignments);
    return { ...editor, ctx: { actor: editor.actor, source: 'API' } };
  }

  /** Creates an item as `ctx` and publishes it; returns the published view. */
  async published(
    ctx: WriteContext,
    type: ContentType,
    fixed: Record<string, unknown>,
    values: Record<string, unknown>,
  ): Promise<ItemView> {
    const draft = await this.drafts.create(ctx, type, fixed, values);
    return (await this.publisher.publish(ctx, [refOf(draft)]))[0];
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.scratch.drop();
  }
}

/** What a write names: the item and the version it was based on. */
export const refOf = ({ type, id, version }: ItemView): ItemRef => ({ type, id, version });
