import { createTestDatabase } from './test-database';
import { findTestRedis } from './test-redis';

/** Runs once, before the integration specs; workers inherit the env vars. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  globalThis.__testDatabase = database;
  process.env.TEST_DATABASE_URL = database.url;
  // For test/helpers/scratch-database.ts, which clones the templates.
  process.env.TEST_ADMIN_DATABASE_URL = database.adminUrl;
  process.env.TEST_TEMPLATE_MIGRATED = database.templates.migrated;
  process.env.TEST_TEMPLATE_SEEDED = database.templates.seeded;
  const redis = await findTestRedis();
  if (redis) process.env.TEST_REDIS_URL = redis;
  else {
    console.warn(
      '\nNo Redis (REDIS_URL unset and nothing on 127.0.0.1:6379): the specs that need one are SKIPPED.\n',
    );
  }
}
