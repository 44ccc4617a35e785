import { DataSource } from 'typeorm';
import {
  CONTENT_TYPE_DEFS,
  type ContentTypeDef,
  storedColumns,
} from '../src/content-types/registry';
import { ENTITIES } from '../src/database/entities';

/**
 * Tables of the migrated schema that hold no editorial content, each with
 * why. Every other table must be a content type's table or one of its link
 * tables: a new editorial table cannot be left out of the registry (and so
 * out of preview, editing and partner reads) without being named here.
 */
const NOT_CONTENT: Record<string, string> = {
  migrations: 'TypeORM’s record of applied migrations',
  users: 'accounts',
  user_regions: 'accounts’ region assignments',
  user_clinics: 'accounts’ clinic assignments',
  sessions: 'sign-in sessions',
  retired_refresh_tokens: 'spent refresh tokens',
  password_resets: 'one-time password reset tokens',
  login_throttle: 'wrong-login counters',
  api_keys: 'API keys',
  audit_log: 'who did what, for admins',
  revisions: 'what each write changed (history of content, not content)',
  scheduled_publications: 'publishes waiting for their time',
  content_changes: 'the partner change feed (a log of content changes)',
  content_feed_counters: 'the change feed’s sequence per brand',
  webhook_endpoints: 'where a brand’s webhooks go',
  webhook_events: 'the webhook outbox',
  webhook_deliveries: 'webhook deliveries per endpoint',
  webhook_attempts: 'webhook delivery attempts',
  rate_limit_counters: 'the partner rate limit’s counters (rate-limiter-flexible)',
  claim_rules: 'the brand’s claims-linter rules (settings, no drafts)',
  compliance_settings: 'the brand’s compliance settings (no drafts)',
  medical_reviews: 'reviewers’ decisions on drafts',
  clinical_sources: 'where clinical fields come from (provenance, no drafts)',
  credential_rules: 'which credentials may perform a treatment (settings, no drafts)',
  provider_licences: 'providers’ licences (verified records, no drafts)',
  deployment: 'this deployment’s identity',
  deployment_epoch: 'changes when the database is restored (partner resync)',
  cache_generations: 'response-cache generations per group of answers',
  markdown_renderings: 'safe HTML of Markdown texts, by text (derived, stored for delivery)',
};

/** Columns every editorial table has that no definition names (database/editorial.columns.ts). */
const EDITORIAL = ['publication_status', 'draft', 'published_at', 'created_at'];

describe('content-type registry: every content table and column has a definition', () => {
  let db: DataSource;
  let tables: Map<string, string[]>;

  beforeAll(async () => {
    db = new DataSource({
      type: 'postgres',
      url: process.env.TEST_DATABASE_URL,
      entities: ENTITIES,
    });
    await db.initialize();
    const rows: { table: string; column: string }[] = await db.query(
      `SELECT c.table_name AS table, c.column_name AS column
         FROM information_schema.columns c
         JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position`,
    );
    tables = new Map();
    for (const { table, column } of rows) tables.set(table, [...(tables.get(table) ?? []), column]);
  });
  afterAll(() => db.destroy());

  const defs = Object.values(CONTENT_TYPE_DEFS);
  const links = defs.flatMap((def) => Object.values(def.links ?? {}));
  const sorted = (list: Iterable<string>) => [...new Set(list)].sort();

  it('holds every table to a definition, a link of one, or the list of non-content tables', () => {
    const described = new Set([
      ...defs.map((def) => def.table),
      ...links.map((link) => link.table),
      ...Object.keys(NOT_CONTENT),
    ]);
    expect([...tables.keys()].filter((table) => !described.has(table))).toEqual([]);
    // And names no table the schema lacks.
    expect([...described].filter((table) => !tables.has(table))).toEqual([]);
  });

  it('keeps editorial tables (drafts and publication status) in the registry', () => {
    const editorial = [...tables]
      .filter(([, columns]) => columns.includes('draft') && columns.includes('publication_status'))
      .map(([table]) => table);
    expect(sorted(editorial)).toEqual(sorted(defs.map((def) => def.table)));
  });

  it.each(defs.map((def) => [def.type, def] as [string, ContentTypeDef]))(
    '%s names every column of its table, and its entity maps the same',
    (_type, def) => {
      const named = [
        ...Object.values(storedColumns(def)).map((column) => column.column),
        ...(def.internalColumns ?? []),
        ...EDITORIAL,
      ];
      expect(sorted(named)).toEqual(sorted(tables.get(def.table)!));
      const entity = db.entityMetadatas.find((metadata) => metadata.tableName === def.table);
      expect(sorted(entity!.columns.map((column) => column.databaseName))).toEqual(
        sorted(tables.get(def.table)!),
      );
    },
  );

  it('knows every link table’s two columns', () => {
    for (const link of links) {
      expect(sorted(tables.get(link.table)!)).toEqual(sorted([link.ownColumn, link.otherColumn]));
    }
  });
});
