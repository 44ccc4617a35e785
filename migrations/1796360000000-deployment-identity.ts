import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the running instances of one deployment share besides content:
 *
 * - `deployment`: one row whose id is generated once, when the database is
 *   created, and never changes: a restore keeps the target's (it is not
 *   content, so backups leave it out). It namespaces the keys the app keeps
 *   in a shared Redis, so two deployments sharing one Redis never see each
 *   other's answers. The deployment epoch is no such name: it changes with
 *   every restore, while instances keep running on the same data.
 * - `cache_generations`: the authoritative generation of each group of
 *   cached answers (`any`, `*`, `brand:<slug>`), bumped in the publishing
 *   transaction itself, so no invalidation can be lost after a commit
 *   (src/response-cache/cache-generations.ts).
 */
export class DeploymentIdentity1796360000000 implements MigrationInterface {
  name = 'DeploymentIdentity1796360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deployment (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`INSERT INTO deployment DEFAULT VALUES`);
    await queryRunner.query(`
      CREATE TABLE cache_generations (
        name text PRIMARY KEY,
        value bigint NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE cache_generations`);
    await queryRunner.query(`DROP TABLE deployment`);
  }
}
