import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { ReadReplica } from '../database/read-replica';
import type { AuthenticatedRequest } from '../graphql/graphql-context';
import { analyzeOperation, cacheKey, etagOf, generationsOf } from './cacheable-request';
import { APQ_PREFIX, CACHE_ATTEMPT, CacheAttempt } from './cache-attempt';
import type { CachedAnswer } from './cache-store';
import {
  acceptsStoredForms,
  type Encodings,
  identityOf,
  pickEncoding,
  sendAsIs,
} from './precompressed';
import { ANSWER_EXPIRES_AT, secondsLeft } from './answer-lifetime';
import { ResponseCacheService } from './response-cache.service';

/** How long a CDN or browser may reuse a public GET answer without asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

interface GraphqlRequestParts {
  query?: string;
  hash?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * Answers repeated delivery queries from the response cache, before Nest
 * and Apollo do any work. It runs after the auth middleware, so a refused
 * credential is never answered from the cache. On a miss it lets the
 * request through and keeps the answer if the Apollo plugin
 * (response-cache.plugin.ts) found it cacheable: a query, no errors.
 */
@Injectable()
export class ResponseCacheMiddleware implements NestMiddleware {
  /** Pages being rendered by a request in this process, by cache key: their answers to come. */
  private readonly rendering = new Map<string, Promise<CachedAnswer | undefined>>();

  constructor(
    private readonly cache: ResponseCacheService,
    private readonly replica: ReadReplica,
  ) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    // Anything not explicitly reusable below (errors, mutations, editors).
    res.setHeader('cache-control', 'no-store');
    let attempt: CacheAttempt | null = null;
    try {
      attempt = this.cache.enabled || this.replica.configured ? await this.attemptFor(req) : null;
    } catch (error) {
      this.cache.warn(error);
    }
    if (!attempt) return next();
    // A delivery query: its reads may go to the read replica (docs/scaling.md).
    let onReplica = false;
    /**
     * `mustCover`: a page to be kept is rendered on the primary until the
     * replica has replayed the last publish this instance knows of (up to a
     * probe, 250 ms, after it): an answer read there would be served but not
     * kept, and every request for the page until then would render it again.
     */
    const proceed = (mustCover?: number) => {
      onReplica = this.replica.deliveryRead(next, mustCover);
    };
    if (!this.cache.enabled || !attempt.kept) return proceed();

    const { answer, generations } = await this.cache
      .lookup(attempt.key, attempt.generationNames)
      .catch((error: unknown) => {
        this.cache.warn(error);
        return { answer: undefined, generations: null };
      });
    if (!generations) return proceed();
    const publicGet = attempt.scope === 'public' && req.method === 'GET';
    const serve = (shared: CachedAnswer | undefined) => {
      if (!shared || !isCurrent(shared, generations)) return false;
      if (attempt.registersHash) this.cache.rememberPersistedQuery(...attempt.registersHash);
      this.sendCompressed(req, res, attempt.key, shared, publicGet, 'HIT');
      return true;
    };
    if (serve(answer)) return;
    // The same page is being rendered for another request: share its answer.
    const rendering = this.rendering.get(attempt.key);
    if (rendering && serve(await rendering)) return;

    attempt.generations = generations;
    req[CACHE_ATTEMPT] = attempt;
    // `answer`, if any, is the page as it was before a publish (or its expiry).
    const rendered = this.startRendering(attempt.key, res, answer !== undefined);
    const send = res.send;
    res.send = (body?: unknown) => {
      if (attempt.cacheable && res.statusCode === 200 && typeof body === 'string') {
        const etag = etagOf(body);
        const expiresAt = req[ANSWER_EXPIRES_AT];
        setCacheHeaders(res, etag, publicGet, 'MISS', expiresAt);
        // Read on a replica that may not have replayed the publish the
        // generations name yet: served, but not kept under them.
        const current = !onReplica || this.replica.covers(this.cache.generationsChangedAt());
        if (current) {
          const answer: CachedAnswer = {
            generations,
            etag,
            contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
            body: Buffer.from(body),
            ...(expiresAt !== undefined ? { expiresAt } : {}),
          };
          this.cache.save(attempt.key, answer);
          rendered(answer);
          if (this.sendCompressed(req, res, attempt.key, answer, publicGet, 'MISS')) return res;
        }
      }
      // Express answers 304 itself when If-None-Match matches the ETag set
      // here; the compression middleware compresses this one answer on the fly.
      return send.call(res, body);
    };
    proceed(this.cache.generationsChangedAt());
  }

  /**
   * Sends a stored answer (sendStored), in its stored compressed form to a
   * client that accepts one, waiting for that form when it is being made
   * (ResponseCacheService.compressedForms) rather than compressing the
   * answer on the fly once more. False when the answer is neither a hit
   * nor waiting for its forms (a miss the caller sends as it is).
   */
  private sendCompressed(
    req: Request,
    res: Response,
    key: string,
    answer: CachedAnswer,
    publicGet: boolean,
    status: 'HIT' | 'MISS',
  ): boolean {
    const wanted =
      !answer.encodings && !revalidated(req, answer) && acceptsStoredForms(req, answer);
    if (wanted && this.cache.formsDeferred(key, answer)) {
      // Pages a publish made stale are being rendered again (every cached
      // page of the brand at once): they go first, and this answer goes as
      // it is (ResponseCacheService.formsDeferred).
      sendAsIs(res);
      sendStored(req, res, answer, publicGet, status);
      return true;
    }
    const forms = wanted ? this.cache.compressedForms(key, answer) : undefined;
    if (!forms) {
      if (status === 'MISS') return false;
      sendStored(req, res, answer, publicGet, status);
      return true;
    }
    // Failed or not made: sent as it is (the compression middleware then compresses it).
    const send = (encodings?: Encodings) =>
      sendStored(req, res, encodings ? { ...answer, encodings } : answer, publicGet, status);
    forms.then(send, () => send());
    return true;
  }

  /**
   * Marks `key` as being rendered by this request until it is answered:
   * requests for the same page that miss meanwhile wait for its answer
   * instead of rendering it again (after a publish, every visitor of a
   * popular page misses at once). They render it themselves when this one
   * ends without a keepable answer (an error, a closed connection).
   * `rerender`: the page replaces a stored answer that went out of date,
   * and compressions wait for it (ResponseCacheService.rerenderStarted).
   */
  private startRendering(
    key: string,
    res: Response,
    rerender: boolean,
  ): (answer: CachedAnswer) => void {
    if (this.rendering.has(key)) return () => undefined;
    let finish!: (answer: CachedAnswer | undefined) => void;
    const answer = new Promise<CachedAnswer | undefined>((resolve) => {
      finish = resolve;
    });
    this.rendering.set(key, answer);
    const release = rerender ? this.cache.rerenderStarted() : () => undefined;
    const done = (rendered?: CachedAnswer) => {
      if (this.rendering.get(key) === answer) this.rendering.delete(key);
      release();
      finish(rendered);
    };
    res.once('close', () => done());
    return done;
  }

  /** What to look up, or null when the request must not use the cache. */
  private async attemptFor(req: AuthenticatedRequest): Promise<CacheAttempt | null> {
    if (req.authError) return null;
    const scope = scopeOf(req.actor);
    if (!scope) return null;
    const parts = requestParts(req);
    if (!parts) return null;
    const query =
      parts.query ?? (parts.hash ? await this.cache.store.getText(APQ_PREFIX + parts.hash) : null);
    if (!query) return null;
    // A registering request (query and hash) whose hash is wrong is Apollo's
    // to refuse (400 PERSISTED_QUERY_HASH_MISMATCH), never a cache hit.
    const registersHash =
      parts.query !== undefined && parts.hash !== undefined
        ? ([parts.hash, parts.query] as [string, string])
        : undefined;
    if (registersHash && sha256Hex(registersHash[1]) !== registersHash[0]) return null;
    const analysis = analyzeOperation(query, parts.operationName);
    if (!analysis) return null;
    const generationNames = generationsOf(analysis, parts.variables);
    if (!generationNames) return null;
    const key = cacheKey({
      scope,
      analysis,
      variables: parts.variables,
      accept: req.headers.accept,
    });
    return {
      key,
      scope,
      generationNames,
      kept: analysis.kept,
      generations: [],
      cacheable: false,
      registersHash,
    };
  }
}

/**
 * Whose answers a request may share: anonymous callers share the public
 * answers; a delivery or partner key has its own. Editors and preview or
 * admin keys are never served from the cache.
 */
export function scopeOf(actor: Actor | undefined): string | null {
  if (!actor || actor.kind === 'ANONYMOUS') return 'public';
  if (
    actor.kind === 'API_KEY' &&
    actor.scopes.every((scope) => scope === 'delivery' || scope === 'partner')
  ) {
    return `key:${actor.apiKeyId}`;
  }
  return null;
}

/** query / hash / operationName / variables of a POST body or GET query string. */
function requestParts(req: AuthenticatedRequest): GraphqlRequestParts | null {
  let source: Record<string, unknown>;
  if (req.method === 'POST') {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return null;
    source = req.body as Record<string, unknown>;
  } else if (req.method === 'GET') {
    // Cookie-carrying GETs without a preflight never get here (CookieCsrfMiddleware).
    const query = req.query as Record<string, unknown>;
    try {
      source = {
        query: query.query,
        operationName: query.operationName,
        variables: typeof query.variables === 'string' ? JSON.parse(query.variables) : undefined,
        extensions: typeof query.extensions === 'string' ? JSON.parse(query.extensions) : undefined,
      };
    } catch {
      return null;
    }
  } else {
    return null;
  }
  const { query, operationName, variables, extensions } = source;
  if (query !== undefined && typeof query !== 'string') return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash;
  return {
    query,
    hash: typeof hash === 'string' ? hash : undefined,
    operationName: operationName ?? undefined,
    variables: (variables as Record<string, unknown> | null) ?? undefined,
  };
}

/**
 * A hit: the stored bytes in the form the client accepts (compressed once,
 * when stored), or 304 when its copy is current. The weak ETag names the
 * content, the same in every encoding, so a copy revalidates whichever
 * encoding it came in.
 */
function sendStored(
  req: Request,
  res: Response,
  answer: CachedAnswer,
  publicGet: boolean,
  status: 'HIT' | 'MISS',
) {
  res.setHeader('content-type', answer.contentType);
  setCacheHeaders(res, answer.etag, publicGet, status, answer.expiresAt);
  res.vary('accept-encoding');
  if (revalidated(req, answer)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const encoding = pickEncoding(req, answer.encodings);
  const compressed = encoding && answer.encodings?.[encoding];
  // The compression middleware leaves an answer with a Content-Encoding alone.
  if (compressed) res.setHeader('content-encoding', encoding);
  const body = compressed || identityOf(answer);
  res.setHeader('content-length', body.length);
  res.statusCode = 200;
  res.end(body);
}

function setCacheHeaders(
  res: Response,
  etag: string,
  publicGet: boolean,
  status: string,
  expiresAt?: number,
) {
  res.setHeader('etag', etag);
  res.setHeader(
    'cache-control',
    publicGet
      ? `public, max-age=${secondsLeft(expiresAt, PUBLIC_MAX_AGE_SECONDS)}`
      : 'private, no-cache',
  );
  // Appended: CORS may have added Origin already.
  res.vary('accept');
  res.vary('authorization');
  res.setHeader('x-cache', status);
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** An answer computed with the generations current now, and not past its own expiry. */
function isCurrent(answer: CachedAnswer, generations: number[]): boolean {
  const stored = answer.generations;
  return (
    stored.length === generations.length &&
    stored.every((value, i) => value === generations[i]) &&
    secondsLeft(answer.expiresAt, 1) > 0
  );
}

/** A GET whose copy is current: answered 304. */
function revalidated(req: Request, answer: CachedAnswer): boolean {
  return req.method === 'GET' && matches(req.headers['if-none-match'], answer.etag);
}

/** If-None-Match: a list of tags, maybe weak (W/), or "*"; compared weakly (RFC 9110). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header
    .split(',')
    .map(opaque)
    .some((tag) => tag === opaque(etag) || tag === '*');
}
