import {
  ANY_BRAND,
  brandContentGeneration,
  brandGeneration,
  EVERY_BRAND,
} from './cacheable-request';

/**
 * The authoritative generations of cached answers, in PostgreSQL
 * (`cache_generations`). A publish bumps them inside its own transaction,
 * and the same transaction NOTIFYs the new values, so both happen exactly
 * when the content changes: an invalidation cannot be lost between the
 * commit and a cache that was briefly unreachable. Instances learn the
 * values from the notification at once, and by reading the table
 * (GenerationWatcher), which bounds how long any of them can miss one.
 */

/** What bumps need: an EntityManager, a DataSource or a pg client's query. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/** The NOTIFY channel (per database, like every PostgreSQL channel). */
export const GENERATIONS_CHANNEL = 'cca_cache_generations';

/** Generation values by name, e.g. { any: 12, 'brand:lumen': 4 }. */
export type Generations = Record<string, number>;

/**
 * Bumps `names` in the caller's transaction and answers their new values.
 * Rows are locked in name order, so concurrent publishes never deadlock
 * here; the NOTIFY is delivered when (and only if) the transaction commits.
 */
export function bumpGenerations(db: Queryable, names: readonly string[]): Promise<Generations> {
  return bump(db, `SELECT unnest($2::text[]) AS name`, [[...new Set(names)]]);
}

/**
 * Bumps the generations that changes to the content of `brandIds` invalidate:
 * `any`, each brand's (by slug, and by id for PublishedBrandMemo), and `*`
 * when `brandsChanged` (a brand's own row: its slug and name show in every
 * answer about it) or when a brand's row is gone.
 * One statement, slugs read in it: a publish's commit waits for each round
 * trip while the server is busy serving the pages it is about to change.
 */
export function bumpBrandGenerations(
  db: Queryable,
  brandIds: readonly string[],
  brandsChanged: boolean,
): Promise<Generations> {
  return bump(
    db,
    `SELECT $3::text AS name
     UNION SELECT $4 || slug FROM brands WHERE id = ANY($2::uuid[])
     UNION SELECT $7 || id FROM unnest($2::uuid[]) AS id
     UNION SELECT $5 WHERE $6
        OR (SELECT count(*) FROM brands WHERE id = ANY($2::uuid[])) < cardinality($2::uuid[])`,
    [
      [...new Set(brandIds)],
      ANY_BRAND,
      // A brand's generation is its slug after this prefix (brandGeneration).
      brandGeneration(''),
      EVERY_BRAND,
      brandsChanged,
      // By id too, whatever the slug is now (brandContentGeneration).
      brandContentGeneration(''),
    ],
  );
}

/**
 * Bumps the generations `named` selects (parameters from $2 on) and NOTIFYs
 * their new values, in name order (see bumpGenerations).
 */
async function bump(db: Queryable, named: string, parameters: unknown[]): Promise<Generations> {
  const [row]: { generations: Generations | null }[] = await db.query(
    `WITH named AS (${named}), bumped AS (
       INSERT INTO cache_generations AS g (name, value)
       SELECT name, 1 FROM named ORDER BY name
       ON CONFLICT (name) DO UPDATE SET value = g.value + 1
       RETURNING name, value
     ), agg AS (SELECT json_object_agg(name, value) AS generations FROM bumped)
     SELECT generations, pg_notify($1, generations::text) FROM agg`,
    [GENERATIONS_CHANNEL, ...parameters],
  );
  return row?.generations ?? {};
}

/**
 * Bumps every generation there is (and `any` and `*`, which every cached
 * answer reads one of): after a restore, no answer cached before it matches.
 */
export async function bumpEveryGeneration(db: Queryable): Promise<Generations> {
  const rows: { name: string }[] = await db.query(`SELECT name FROM cache_generations`);
  return bumpGenerations(db, [ANY_BRAND, EVERY_BRAND, ...rows.map((row) => row.name)]);
}

/** Every generation's current value. */
export async function readGenerations(db: Queryable): Promise<Generations> {
  const result = await db.query(`SELECT name, value::float8 AS value FROM cache_generations`);
  const rows: { name: string; value: number }[] = Array.isArray(result) ? result : result.rows;
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}
