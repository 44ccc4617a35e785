import type { DataSource, EntityManager } from 'typeorm';

/**
 * The rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`. TypeORM's
 * Postgres driver answers those with `[rows, rowCount]` instead of the rows
 * that INSERT and SELECT return; this hides the difference.
 */
export async function updateReturning<T = Record<string, unknown>>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const [rows] = (await db.query(sql, params)) as [T[], number];
  return rows;
}
