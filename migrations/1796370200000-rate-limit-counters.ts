import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner rate limit is counted by rate-limiter-flexible's PostgreSQL
 * store (src/rate-limit/postgres-rate-limiter.ts) instead of hand-written
 * token buckets: its own layout, `expire` in epoch milliseconds, expired
 * rows swept by the library. The buckets' counts are dropped: a limit
 * starts afresh once, at the upgrade.
 */
export class RateLimitCounters1796370200000 implements MigrationInterface {
  name = 'RateLimitCounters1796370200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limit_counters (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await queryRunner.query(`DROP TABLE rate_limit_buckets`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rate_limit_buckets (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        allowed boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`DROP TABLE rate_limit_counters`);
  }
}
