import type { EntityManager } from 'typeorm';

/** TypeORM's own bookkeeping: a backup records its content, the restore checks it. */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * Tables that belong to the database, not to its content, and that a
 * restore keeps as they are: the deployment's id (which namespaces its keys
 * in a shared Redis: a backup restored elsewhere must not take it along)
 * and the cache generations (which may only grow: the restore bumps them).
 */
export const DATABASE_OWN_TABLES = [MIGRATIONS_TABLE, 'deployment', 'cache_generations'];

/**
 * The app's content tables (every table of the current schema but
 * DATABASE_OWN_TABLES), parents before children, so rows can be inserted in
 * this order with every foreign key checked.
 */
export async function tablesInDependencyOrder(db: EntityManager): Promise<string[]> {
  const tables: { name: string }[] = await db.query(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND c.relname <> ALL($1)
      ORDER BY c.relname`,
    [DATABASE_OWN_TABLES],
  );
  const links: { child: string; parent: string }[] = await db.query(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
        AND c.conrelid <> c.confrelid`,
  );
  const parentsOf = new Map(tables.map(({ name }) => [name, new Set<string>()]));
  for (const { child, parent } of links) parentsOf.get(child)?.add(parent);

  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = [...parentsOf.keys()].filter(
      (name) => !placed.has(name) && [...parentsOf.get(name)!].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('The tables reference each other in a cycle');
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered;
}

/** The migrations applied to the database, oldest first. */
export async function appliedMigrationNames(db: EntityManager): Promise<string[]> {
  const rows: { name: string }[] = await db.query(
    `SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY id`,
  );
  return rows.map((row) => row.name);
}
