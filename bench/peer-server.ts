import { createServer } from 'node:http';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';

/**
 * The peer: PostGraphile 4, a generic GraphQL-over-PostgreSQL server, over
 * the benchmark database, read-only, with production settings.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const middleware = postgraphile(pool, 'public', {
  disableDefaultMutations: true,
  dynamicJson: true,
  graphiql: false,
  disableQueryLog: true,
  ignoreRBAC: false,
  retryOnInitFail: false,
  setofFunctionsContainNulls: false,
  extendedErrors: [],
});

createServer(middleware).listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`Peer ready on ${process.env.PORT}`);
});
