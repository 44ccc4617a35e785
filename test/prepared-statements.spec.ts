import { startTestApp, type TestApp } from './helpers/test-app';

/**
 * DB_PREPARED_STATEMENTS: the app's connections send parameterized
 * statements as named prepared statements with generic plans, so
 * PostgreSQL plans a delivery statement once per connection, not per call.
 */
const PROBE = `SELECT slug FROM brands WHERE slug = $1`;

async function preparedProbe(app: TestApp) {
  // One connection for the whole check: prepared statements are per session.
  const runner = app.dataSource.createQueryRunner();
  try {
    for (let i = 0; i < 3; i++) await runner.query(PROBE, ['lumen-aesthetics']);
    const [mode] = (await runner.query('SHOW plan_cache_mode')) as { plan_cache_mode: string }[];
    const rows = (await runner.query(
      `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1`,
      [PROBE],
    )) as { generic_plans: string; custom_plans: string }[];
    return { mode: mode.plan_cache_mode, rows };
  } finally {
    await runner.release();
  }
}

describe('prepared statements', () => {
  it('are named and planned once (generic plans) by default', async () => {
    const app = await startTestApp();
    try {
      const { mode, rows } = await preparedProbe(app);
      expect(mode).toBe('force_generic_plan');
      expect(rows).toHaveLength(1);
      expect(Number(rows[0].custom_plans)).toBe(0);
      expect(Number(rows[0].generic_plans)).toBeGreaterThanOrEqual(1);

      // Delivery answers as before through them.
      const answer = await app.graphql(`{ brand(slug: "lumen-aesthetics") { slug } }`);
      expect(answer.body).toEqual({ data: { brand: { slug: 'lumen-aesthetics' } } });
    } finally {
      await app.close();
    }
  });

  it('are left alone with DB_PREPARED_STATEMENTS=false (for a pooler that cannot keep them)', async () => {
    const app = await startTestApp({ dbPreparedStatements: false });
    try {
      const { mode, rows } = await preparedProbe(app);
      expect(mode).toBe('auto');
      expect(rows).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
