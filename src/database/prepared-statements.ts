import { createHash } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';

/**
 * Distinct statement texts that get a name. Delivery and editing build their
 * SQL from a fixed set of templates (a few hundred texts); previews of a
 * brand's working copy add one text per brand and template, so the set is
 * capped: texts past the cap run unnamed, as before.
 */
const MAX_NAMED_TEXTS = 1_000;
const names = new Map<string, string>();

/** The statement name of a text, or undefined once the cap is reached. */
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_TEXTS) {
    name = `s_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A pg client that sends every parameterized statement as a named prepared
 * statement: PostgreSQL parses and plans it once per connection instead of
 * on every call (pg remembers which names each connection has prepared).
 * With `plan_cache_mode=force_generic_plan` (see preparedStatementOptions)
 * the plan is reused as well: a clinic page's six statements cost
 * PostgreSQL about half the CPU (docs/benchmarks.md).
 *
 * Only calls with parameters are named: text without them may hold several
 * statements (migrations, SET), which a prepared statement cannot.
 */
export class PreparingClient extends Client {
  // pg's query() has many overloads; this one only rewrites (text, values).
  override query(...args: unknown[]): never {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (name) {
        const config: QueryConfig = { name, text, values };
        return (super.query as (...rest: unknown[]) => never)(config, ...args.slice(2));
      }
    }
    return (super.query as (...rest: unknown[]) => never)(...args);
  }
}

/**
 * pg pool options (TypeORM `extra`) for DB_PREPARED_STATEMENTS: the client
 * above, and generic plans for the statements it prepares. Unnamed
 * statements are always planned for their values, so the setting changes
 * nothing else. Off, for a pooler that cannot keep prepared statements
 * (PgBouncer before 1.21 in transaction mode; see docs/scaling.md).
 */
export function preparedStatementOptions(enabled: boolean): Record<string, unknown> {
  return enabled
    ? { Client: PreparingClient, options: '-c plan_cache_mode=force_generic_plan' }
    : {};
}
