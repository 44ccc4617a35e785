import { AsyncLocalStorage } from 'node:async_hooks';
import { readFrom, readsFromReplica } from '../database/read-replica';
import { PUBLISHED } from '../read-mode/read-mode';
import type { ModeBatchFn } from './request-loaders';

/** One request loader's batch, waiting for the statement it joins. */
interface Part {
  keys: readonly unknown[];
  resolve: (values: unknown[]) => void;
  reject: (error: unknown) => void;
}

/** The parts of one wave, by batch function: on the replica, then on the primary. */
type Groups = [
  replica: Map<ModeBatchFn<any, any>, Part[]>,
  primary: Map<ModeBatchFn<any, any>, Part[]>,
];

/**
 * A data exception (SQLSTATE class 22: a uuid, number or text PostgreSQL
 * refused) is about a value, so about one request's keys: the others must
 * not fail with it. Other errors (lost connection, timeout, shutdown) would
 * have failed each request's own statement as well.
 */
const DATA_EXCEPTION = /^22/;

/**
 * Runs a function in the context of no request (taken when this module
 * loads): a wave's statement may serve several requests, so it runs outside
 * all of them, with the read target it was gathered for, and its log lines
 * (a failed query) carry no request's id; each request logs its own error.
 */
const outsideRequests = AsyncLocalStorage.snapshot();

function refusedAValue(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DATA_EXCEPTION.test(code);
}

/**
 * Batches published reads ACROSS the requests in flight: every request's
 * loader of a batch function that is due in the same turn of the event loop
 * joins one statement of all their keys, instead of each sending its own
 * (32 clinic pages in flight sent 32 × 5 statements; pg's per-statement
 * work in Node and PostgreSQL's per-statement CPU were a large share of a
 * page's cost, docs/benchmarks.md round 9).
 *
 * Batching only, nothing is kept: each request's loaders still read once
 * per request (their own cache), and every statement starts after every key
 * that joins it was asked for. A statement serves one read target: requests
 * whose reads go to the replica and those that go to the primary
 * (read-replica.ts) never share one. Previews never come here
 * (RequestLoaders.forMode): a working copy is read by its own request only.
 *
 * Rows of a key asked by two requests are the same objects in both answers,
 * as they already are for two resolvers of one request: loaded values are
 * read-only.
 */
export class PublishedBatches {
  /** Request loaders' dispatches due this turn, with where their request reads. */
  private due: { dispatch: () => void; onReplica: boolean }[] = [];
  /** While `due` is dispatched: where the loader being dispatched reads. */
  private dispatching: boolean | undefined;
  private groups: Groups = [new Map(), new Map()];

  /**
   * A request loader's batchScheduleFn: its batch is dispatched with every
   * other loader's that is due in this turn, on setImmediate as each request's
   * own loaders are (request-loaders.ts), so a query's shape, not timing,
   * still sets its own statement count.
   */
  readonly schedule = (dispatch: () => void): void => {
    if (this.due.length === 0) setImmediate(this.flush);
    this.due.push({ dispatch, onReplica: readsFromReplica() });
  };

  /** A request loader's batch function: joins the statement of its wave. */
  load<K, V>(batch: ModeBatchFn<K, V>, keys: readonly K[]): Promise<V[]> {
    const onReplica = this.dispatching ?? readsFromReplica();
    return new Promise<V[]>((resolve, reject) => {
      const parts = this.groups[onReplica ? 0 : 1];
      const part = { keys, resolve, reject } as Part;
      const joined = parts.get(batch);
      if (joined) joined.push(part);
      else parts.set(batch, [part]);
      // A load outside a wave (a loader dispatched by hand) reads at once.
      if (this.dispatching === undefined) this.run();
    });
  }

  private readonly flush = (): void => {
    const due = this.due;
    this.due = [];
    try {
      for (const { dispatch, onReplica } of due) {
        this.dispatching = onReplica;
        dispatch();
      }
    } finally {
      this.dispatching = undefined;
    }
    this.run();
  };

  /** Sends one statement per batch function and read target of the parts gathered. */
  private run(): void {
    const [replica, primary] = this.groups;
    this.groups = [new Map(), new Map()];
    for (const [batch, parts] of replica) outsideRequests(read, batch, parts, true);
    for (const [batch, parts] of primary) outsideRequests(read, batch, parts, false);
  }
}

/**
 * One statement for all parts' keys (each key once); each part gets its own
 * keys' values. If PostgreSQL refused a value, each part reads alone, so
 * the error reaches only the request whose key it was.
 */
function read(batch: ModeBatchFn<any, any>, parts: Part[], onReplica: boolean): void {
  if (parts.length === 1) {
    const [part] = parts;
    readFrom(onReplica, async () => batch(part.keys, PUBLISHED)).then(part.resolve, part.reject);
    return;
  }
  const index = new Map<unknown, number>();
  for (const part of parts) {
    for (const key of part.keys) if (!index.has(key)) index.set(key, index.size);
  }
  const keys = [...index.keys()];
  readFrom(onReplica, async () => batch(keys, PUBLISHED)).then(
    (values: unknown[]) => {
      if (!Array.isArray(values) || values.length !== keys.length) {
        const error = new TypeError(
          `A batch function answered ${Array.isArray(values) ? values.length : 'no'} values for ${keys.length} keys`,
        );
        for (const part of parts) part.reject(error);
        return;
      }
      for (const part of parts) part.resolve(part.keys.map((key) => values[index.get(key)!]));
    },
    (error: unknown) => {
      if (!refusedAValue(error)) for (const part of parts) part.reject(error);
      else for (const part of parts) read(batch, [part], onReplica);
    },
  );
}

/** The process's batches: one wave per turn of the event loop for all requests. */
export const publishedBatches = new PublishedBatches();
