import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a scheduled publication did not publish, for clients to act on
 * without parsing `error`: its creator lost access (key revoked or expired,
 * account disabled), no longer may publish its items, an item changed since,
 * or the publish failed otherwise.
 */
export class ScheduleFailureReason1796355041019 implements MigrationInterface {
  name = 'ScheduleFailureReason1796355041019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE scheduled_publications ADD COLUMN failure_reason text
        CHECK (failure_reason IN ('CREATOR_REVOKED', 'CREATOR_NOT_ALLOWED', 'ITEM_CHANGED', 'PUBLISH_FAILED'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE scheduled_publications DROP COLUMN failure_reason`);
  }
}
