import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source';
import { withStartupLock } from '../src/database/prepare-database';

/*
 * Instances starting together migrate one at a time under an advisory lock.
 * Through PgBouncer in transaction mode a session-level lock would stay on
 * whichever server connection happened to run it (and block every later
 * start), so the lock must belong to a transaction that stays open, on one
 * connection, for as long as the work runs.
 */
describe('the start-up lock', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = new DataSource(buildDataSourceOptions(process.env.TEST_DATABASE_URL!));
    await db.initialize();
  });
  afterAll(() => db?.destroy());

  // pg_locks shows a bigint advisory key as two halves (7146203981 in prepare-database.ts).
  const holders = () =>
    db.query(
      `SELECT a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 1 AND l.objid = 2851236685
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );

  it('is held by an open transaction while the work runs, and released after', async () => {
    let during: { state: string }[] = [];
    await withStartupLock(db, async () => {
      during = await holders();
    });
    expect(during).toEqual([{ state: 'idle in transaction' }]);
    expect(await holders()).toEqual([]);
  });

  it('lets one caller at a time work', async () => {
    const order: string[] = [];
    const worker = (name: string) =>
      withStartupLock(db, async () => {
        order.push(`${name} start`);
        await new Promise((done) => setTimeout(done, 200));
        order.push(`${name} end`);
      });
    await Promise.all([worker('a'), worker('b')]);
    expect(order.map((step) => step.split(' ')[1])).toEqual(['start', 'end', 'start', 'end']);
  });
});
