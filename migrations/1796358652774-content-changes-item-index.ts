import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tombstone in the change feed carries the highest version any change of
 * its item recorded (src/syndication/change-feed.service.ts): that lookup
 * goes by item.
 */
export class ContentChangesItemIndex1796358652774 implements MigrationInterface {
  name = 'ContentChangesItemIndex1796358652774';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX content_changes_item_idx ON content_changes (brand_id, entity_type, entity_id, version)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX content_changes_item_idx`);
  }
}
