import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's audit log filters one brand's entries by who acted (a
 * person or an API key) or by what they acted on, newest first: an index
 * for each, in the list's order, so a filtered page reads only its rows
 * instead of walking the brand's whole log.
 */
export class AuditLogFilterIndexes1796370330001 implements MigrationInterface {
  name = 'AuditLogFilterIndexes1796370330001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_log_brand_actor_idx
         ON audit_log (brand_id, actor_id, created_at DESC, id DESC) WHERE actor_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_log_brand_target_idx
         ON audit_log (brand_id, target_id, created_at DESC, id DESC) WHERE target_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_brand_target_idx`);
    await queryRunner.query(`DROP INDEX audit_log_brand_actor_idx`);
  }
}
