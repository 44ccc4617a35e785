import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `scheduledPublications` pages one brand's schedules, latest scheduled
 * first: an index in the list's order, so a page reads only its rows
 * instead of sorting the brand's whole history of schedules.
 */
export class ScheduledPublicationsPageIndex1796370340000 implements MigrationInterface {
  name = 'ScheduledPublicationsPageIndex1796370340000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX scheduled_publications_brand_idx
         ON scheduled_publications (brand_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX scheduled_publications_brand_idx`);
  }
}
