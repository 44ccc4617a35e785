import { dropTestDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const database = globalThis.__testDatabase;
  globalThis.__testDatabase = undefined;
  if (database) await dropTestDatabase(database);
}
