import { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service';
import type { ApiKeyScope } from '../../src/auth/actor';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { buildDataSourceOptions } from '../../src/database/data-source';

/**
 * The benchmark's own connection to its database, for set-up the product
 * has no mutation for (an API key needs a key first) and for the floors
 * (plain SQL through the same pool). Built on the product's data source
 * options, so it sees the same schema.
 */
export class BenchDatabase {
  private constructor(readonly dataSource: DataSource) {}

  static async open(url: string): Promise<BenchDatabase> {
    const dataSource = new DataSource(buildDataSourceOptions(url));
    await dataSource.initialize();
    return new BenchDatabase(dataSource);
  }

  query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  async brandId(slug: string): Promise<string> {
    const [row] = await this.query<{ id: string }>(`SELECT id FROM brands WHERE slug = $1`, [slug]);
    if (!row) throw new Error(`No brand ${slug} in the bench database`);
    return row.id;
  }

  /**
   * An API key of the brand, made as `npm run cli -- create-key` makes it
   * (same service, audited as the CLI); the plain key is returned.
   */
  async createApiKey(brandSlug: string, name: string, scopes: ApiKeyScope[]): Promise<string> {
    const keys = new ApiKeysService(this.dataSource, new AuditService(this.dataSource));
    const { key } = await keys.createApiKeyInBrand(
      await this.brandId(brandSlug),
      { name, scopes },
      { kind: 'CLI', id: null, label: 'cli (npm run bench)' },
    );
    return key;
  }

  close(): Promise<void> {
    return this.dataSource.destroy();
  }
}
