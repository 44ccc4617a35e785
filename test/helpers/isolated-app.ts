import type { AppConfig } from '../../src/config/app-config';
import { createScratchDatabase } from './scratch-database';
import { startTestApp, TestApp } from './test-app';

/**
 * The app on a database of its own, a copy of the seeded template (the demo
 * network, like the shared database). For specs that publish overrides,
 * FAQs and field policies: on the shared database, specs running in
 * parallel would see them (delivery.spec counts every override, and
 * policies apply to the whole brand).
 */
export async function startIsolatedTestApp(config: Partial<AppConfig> = {}): Promise<TestApp> {
  const scratch = await createScratchDatabase('seeded');
  let app: TestApp;
  try {
    app = await startTestApp({ ...config, databaseUrl: scratch.url });
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return {
    ...app,
    async close() {
      await app.close();
      await scratch.drop();
    },
  };
}

/**
 * Several instances of the app on one database of their own, a copy of the
 * seeded template, as a scaled-out deployment runs them; `close`
 * stops them all, then drops the database. `configs[i]` is instance i's.
 */
export async function startIsolatedCluster(
  configs: Partial<AppConfig>[],
): Promise<{ apps: TestApp[]; url: string; close(): Promise<void> }> {
  const scratch = await createScratchDatabase('seeded');
  const apps: TestApp[] = [];
  const close = async () => {
    await Promise.all(apps.map((app) => app.close()));
    await scratch.drop();
  };
  try {
    for (const config of configs) {
      apps.push(await startTestApp({ ...config, databaseUrl: scratch.url }));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { apps, url: scratch.url, close };
}
