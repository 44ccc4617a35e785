import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Statement name by SQL text (a pure function's memo, bounded). */
const names = new Map<string, string>();
const MAX_NAMES = 1000;

/**
 * Runs a read as a named prepared statement on the app's pool: each pooled
 * connection parses and plans a statement once and then only executes it.
 * Delivery statements are a fixed set of texts, and planning them cost more
 * PostgreSQL time than running them (benchmarks.md). Logged and counted
 * like TypeORM's own queries. Use it for reads outside transactions only.
 */
// Rows are typed by the caller, as with TypeORM's own query().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function preparedQuery<T = any>(
  db: DataSource,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  let name = names.get(text);
  if (name === undefined) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (names.size < MAX_NAMES) names.set(text, name);
  }
  db.logger.logQuery(text, params);
  const pool = (db.driver as PostgresDriver).master as Pool;
  try {
    const result = await pool.query<T & object>({ name, text, values: params });
    return result.rows;
  } catch (error) {
    db.logger.logQueryError(error as Error, text, params);
    throw error;
  }
}
