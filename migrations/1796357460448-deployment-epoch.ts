import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deployment's epoch: one row whose id names the current timeline of
 * the data. `npm run db:restore` gives it a new id, because a restore takes
 * the change feed back to an older position: sequence numbers handed out
 * after the backup are handed out again. Sync cursors and webhook events
 * carry the epoch, so a partner's cursor from before the restore is
 * answered RESYNC_REQUIRED instead of silently skipping changes.
 */
export class DeploymentEpoch1796357460448 implements MigrationInterface {
  name = 'DeploymentEpoch1796357460448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deployment_epoch (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        epoch uuid NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO deployment_epoch (epoch) VALUES (gen_random_uuid())`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deployment_epoch`);
  }
}
