import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { runSeed } from '../seeds/seed';
import { createApp } from '../src/app-setup';
import { loadConfig } from '../src/config/app-config';
import { buildDataSourceOptions } from '../src/database/data-source';
import { closeApp } from '../src/http-drain';
import { CLINIC_PAGE_QUERY } from './workloads';

/**
 * Is memory growth under load a leak? Boots the app in this process on a
 * fresh database, then soaks the clinic page (response cache on or off) in
 * rounds; after each round it collects garbage and prints memory. A leak
 * keeps `heapUsed` after GC climbing round after round; a high-water mark
 * does not. Run: DATABASE_URL=postgres://…/postgres node --expose-gc
 * -r ts-node/register/transpile-only bench/memory-soak.ts [--cache 300]
 * [--rounds 3] [--seconds 15]. See docs/benchmarks.md.
 */
const { values } = parseArgs({
  options: {
    cache: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '32' },
  },
});
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
function memory(label: string) {
  gc!();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  console.log(
    `${label.padEnd(10)} rss ${mb(rss)}  heapUsed ${mb(heapUsed)}  heapTotal ${mb(heapTotal)}  external ${mb(external)}  arrayBuffers ${mb(arrayBuffers)}`,
  );
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set DATABASE_URL to a server where a database may be created');
  const name = `cca_soak_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const db = new DataSource(buildDataSourceOptions(url.toString()));
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await runSeed(db);
    await db.destroy();

    const config = {
      ...loadConfig({
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
        WEBHOOK_SECRET_KEY: 'a'.repeat(64),
      }),
      databaseUrl: url.toString(),
      port: 0,
      host: '127.0.0.1',
      responseCacheTtlSeconds: Number(values.cache),
    };
    const app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const body = JSON.stringify({
      query: CLINIC_PAGE_QUERY,
      variables: {
        brand: 'lumen-aesthetics',
        clinic: 'austin-downtown',
        treatment: 'micro-needling',
      },
    });
    memory('start');
    for (let round = 1; round <= Number(values.rounds); round++) {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections: Number(values.connections),
        duration: Number(values.seconds),
      });
      console.log(`round ${round}: ${result.requests.total} requests, ${result.non2xx} non-2xx`);
      memory(`round ${round}`);
    }
    await closeApp(app);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
