import { createTestDatabase } from './test-database';

/** Runs once, before the integration specs; workers inherit the env var. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase();
  globalThis.__testDatabase = database;
  process.env.TEST_DATABASE_URL = database.url;
}
