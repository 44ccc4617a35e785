/** Apollo keeps persisted queries under this prefix in the cache it is given. */
export const APQ_PREFIX = 'apq:';

/** Set on a request that may be cached, read by the Apollo plugin and the send hook. */
export const CACHE_ATTEMPT = Symbol('responseCacheAttempt');

export interface CacheAttempt {
  key: string;
  scope: string;
  generationNames: string[];
  /** False for answers read once (cacheable-request.ts): neither looked up nor kept. */
  kept: boolean;
  /** Their values when the request arrived: a publish during execution makes the answer stale. */
  generations: number[];
  /** Set by the Apollo plugin: a query answered without errors. */
  cacheable: boolean;
  /** [hash, query] of an APQ registration (hash checked): kept on a hit too. */
  registersHash?: [string, string];
}

declare module 'express-serve-static-core' {
  interface Request {
    [CACHE_ATTEMPT]?: CacheAttempt;
  }
}
