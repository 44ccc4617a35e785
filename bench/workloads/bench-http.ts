/**
 * What the benchmark's own workloads (this folder) share: a GraphQL call to a
 * server started by bench/run-bench.ts, the SQL counter every such server
 * serves (bench/count-sql.cjs), and the arithmetic of the figures.
 */

/**
 * How the API is started everywhere (npm start, the Docker image): node with
 * its memory settings. Relative to the repository root, the servers' cwd.
 */
export const API_LAUNCHER = 'scripts/start-api.sh';

/** A server the benchmark started: its HTTP port and, when preloaded, its SQL counter's port. */
export interface BenchTarget {
  port: number;
  statsPort?: number;
}

export interface GraphqlAnswer<T = any> {
  status: number;
  headers: Headers;
  text: string;
  data: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POST /graphql, as a client sends it; `token` becomes `Authorization: Bearer`. */
export async function graphql<T = any>(
  target: BenchTarget,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`http://127.0.0.1:${target.port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let parsed: { data?: T; errors?: GraphqlAnswer['errors'] } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's or a crash's answer): the caller sees no data.
  }
  return {
    status: response.status,
    headers: response.headers,
    text,
    data: parsed.data as T,
    errors: parsed.errors,
  };
}

/** The same call, for set-up steps that must succeed: throws with the answer otherwise. */
export async function graphqlOk<T = any>(
  target: BenchTarget,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const answer = await graphql<T>(target, query, variables, token);
  if (answer.errors || !answer.data) {
    throw new Error(`GraphQL call failed (${answer.status}): ${answer.text.slice(0, 400)}`);
  }
  return answer.data;
}

/** Statements the server has sent to PostgreSQL since it started (bench/count-sql.cjs). */
export async function statementsSent(target: BenchTarget): Promise<number> {
  if (!target.statsPort) throw new Error('This server was started without the SQL counter');
  const response = await fetch(`http://127.0.0.1:${target.statsPort}/`);
  return ((await response.json()) as { statements: number }).statements;
}

/** The p-th percentile (0–100) of values, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Latency figures of one run, as the JSON line gives them. */
export interface RateFigures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export function rateFigures(latenciesMs: readonly number[], seconds: number): RateFigures {
  return {
    rps: round(latenciesMs.length / seconds, 1),
    p50Ms: round(percentile(latenciesMs, 50), 1),
    p99Ms: round(percentile(latenciesMs, 99), 1),
  };
}
