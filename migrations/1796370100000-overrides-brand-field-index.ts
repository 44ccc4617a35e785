import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The drift report and field policy impacts (src/drift) read one brand's
 * overrides of a type, often of one field: by brand, type and field, instead
 * of a scan over every brand's overrides. (At 10,000 clinics a stale-only
 * drift page went from about 100 ms to about 60 ms; docs/benchmarks.md.)
 */
export class OverridesBrandFieldIndex1796370100000 implements MigrationInterface {
  name = 'OverridesBrandFieldIndex1796370100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX overrides_brand_field_idx ON overrides (brand_id, entity_type, field)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX overrides_brand_field_idx`);
  }
}
