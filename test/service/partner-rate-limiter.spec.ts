import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source';
import { PostgresRateLimiter } from '../../src/rate-limit/postgres-rate-limiter';
import { createScratchDatabase, type ScratchDatabase } from '../helpers/scratch-database';

/**
 * The shared rate limit's store on real PostgreSQL: two limiters on their
 * own connection pools stand for two API instances.
 */
describe('PostgresRateLimiter (service tier)', () => {
  let scratch: ScratchDatabase;
  let second: DataSource;
  let a: PostgresRateLimiter;
  let b: PostgresRateLimiter;

  beforeAll(async () => {
    scratch = await createScratchDatabase('migrated');
    second = await new DataSource(buildDataSourceOptions(scratch.url)).initialize();
    a = new PostgresRateLimiter(scratch.dataSource);
    b = new PostgresRateLimiter(second);
  });
  afterAll(async () => {
    await second?.destroy();
    await scratch?.drop();
  });

  it('allows `points` requests per window across instances, then says when to retry', async () => {
    const decisions = [];
    for (const limiter of [a, b, a, b]) decisions.push(await limiter.consume('partner:k1', 3, 60));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3].retryAfterSeconds).toBeGreaterThan(0);
    expect(decisions[3].retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another key counts on its own.
    expect((await b.consume('partner:k2', 3, 60)).allowed).toBe(true);
  });

  it('allows requests again once the window has passed', async () => {
    for (let i = 0; i < 2; i++) await a.consume('partner:k3', 2, 60);
    expect((await b.consume('partner:k3', 2, 60)).allowed).toBe(false);
    await scratch.dataSource.query(
      `UPDATE rate_limit_counters SET expire = 0 WHERE key LIKE '%partner:k3'`,
    );
    expect(await b.consume('partner:k3', 2, 60)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('lets every instance count concurrent requests exactly once', async () => {
    const decisions = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).consume('partner:k4', 4, 60)),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(4);
  });
});
