import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marking a stale override reviewed (the drift report) is a write of its
 * own in an item's history: the override is kept and re-based on the
 * brand's current value, recorded as a REVIEW revision (and CONTENT_REVIEW
 * in the audit log) rather than an ordinary UPDATE.
 */
export class ReviewRevisions1796370000000 implements MigrationInterface {
  name = 'ReviewRevisions1796370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE revisions DROP CONSTRAINT revisions_action_check`);
    await queryRunner.query(
      `ALTER TABLE revisions ADD CONSTRAINT revisions_action_check
         CHECK (action IN ('CREATE', 'UPDATE', 'PUBLISH', 'UNPUBLISH', 'DELETE', 'RESTORE', 'REVIEW'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM revisions WHERE action = 'REVIEW'`);
    await queryRunner.query(`ALTER TABLE revisions DROP CONSTRAINT revisions_action_check`);
    await queryRunner.query(
      `ALTER TABLE revisions ADD CONSTRAINT revisions_action_check
         CHECK (action IN ('CREATE', 'UPDATE', 'PUBLISH', 'UNPUBLISH', 'DELETE', 'RESTORE'))`,
    );
  }
}
