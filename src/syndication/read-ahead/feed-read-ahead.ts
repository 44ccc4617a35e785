import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { ApolloDriver } from '@nestjs/apollo';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Actor } from '../../auth/actor';
import { type AuthenticatedRequest, createGraphqlContext } from '../../graphql/graphql-context';
import { MAX_RESPONSE_BYTES } from '../../graphql/response-size-limit.middleware';
import { analyzeOperation, cacheKey } from '../../response-cache/cacheable-request';
import { ChangeFeedService } from '../change-feed.service';
import { FEED_PAGE } from './feed-page.plugin';

const gzipAsync = promisify(gzip);

/**
 * Runs a function in the context of no request (taken when this module
 * loads): a page read ahead belongs to no request yet, so it reads from the
 * primary whatever the request it follows read from (read-replica.ts), and
 * its log lines carry no request's id.
 */
const outsideRequests = AsyncLocalStorage.snapshot();

/**
 * Pages read ahead of the page a partner asked for last. Two keep the API
 * busy while the partner works on a page even when the partner is faster
 * than the API at times; a partner that stops wasted at most two reads.
 */
const PAGES_AHEAD = 2;
/**
 * Pages read ahead and not yet asked for, across all partners: a few syncs'
 * worth, about 300 KB each at the largest page (the oldest go first).
 */
const MAX_PAGES = 8;
/** Pages being read ahead at once: more syncs at a time go on without it. */
const MAX_READING = 2;

/**
 * The request headers a page's answer depends on: Accept decides its content
 * type, Accept-Encoding its gzip, Content-Type how Apollo reads the body.
 * Only these are kept for the pages read ahead: not the partner's key.
 */
const ANSWER_HEADERS = ['accept', 'accept-encoding', 'content-type'] as const;

/** The headers of `headers` a page's answer depends on (ANSWER_HEADERS). */
function answerHeaders(headers: Request['headers']): Request['headers'] {
  const kept: Request['headers'] = {};
  for (const name of ANSWER_HEADERS) {
    if (headers[name] !== undefined) kept[name] = headers[name];
  }
  return kept;
}

/** A feed request as the read-ahead keys it: the caller's key, the document, its variables. */
export interface FeedRequest {
  key: string;
  actor: Extract<Actor, { kind: 'API_KEY' }>;
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  /** The request's headers its answer depends on (answerHeaders). */
  headers: Request['headers'];
}

/** A page read ahead: the answer Apollo gave, and what it was read for. */
export interface ReadAheadPage {
  /** The caller it was read as (its key's brand, scopes and clinics), as JSON. */
  actor: string;
  brand: string;
  /** Where the feed stood when the page was read (ChangeFeedService.position). */
  position: string;
  headers: [string, string][];
  body: Buffer;
  /** The body gzipped, when the request it follows accepted gzip. */
  gzip?: Buffer;
  /** The variables of the page after it; null after the last page. */
  next: Record<string, unknown> | null;
}

/**
 * Partner sync reads the feed one page after the other: the partner needs
 * each page's `endCursor` for the next, so the API, PostgreSQL and the
 * partner took turns, each idle while the others worked. When a page is
 * answered, this reads the next ones (PAGES_AHEAD) as the same caller
 * would ask for them (the same document, `after` set to the last page's
 * `endCursor`), through Apollo, and keeps each answer's bytes, gzipped too,
 * until its request comes: the partner's work on a page overlaps the API's
 * and PostgreSQL's on the next.
 *
 * A page read ahead is what a fresh read would answer, or it is not used:
 * - it is served only if the feed's position (the brand's change head, the
 *   deployment epoch, the brand itself) is still what the page's read found
 *   in its first statement, checked with one statement when it is asked for;
 * - only to the same API key with the same scopes and clinics, after the
 *   auth middleware accepted it and the rate limit counted the request
 *   (FeedReadAheadMiddleware runs after both);
 * - once: taking a page removes it.
 * Only answers without errors are kept; anything else is read again when
 * asked for. Pages stay in this process, bounded by MAX_PAGES: behind a load
 * balancer a request that reaches another instance is read there as before.
 */
@Injectable()
export class FeedReadAhead {
  private readonly logger = new Logger('FeedReadAhead');
  /** Pages being read or read, by request key, oldest first. */
  private readonly pages = new Map<string, Promise<ReadAheadPage | undefined>>();
  private reading = 0;
  /** Pages read ahead (kept for their request), and of those, answered: for the spec. */
  readonly counts = { read: 0, served: 0 };
  private apollo: ApolloServer | undefined;

  constructor(
    private readonly feed: ChangeFeedService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The request as a feed request to look up, or null when it cannot be one (no API key, no query text). */
  feedRequestOf(req: AuthenticatedRequest): FeedRequest | null {
    const actor = req.actor;
    if (req.method !== 'POST' || req.authError || actor?.kind !== 'API_KEY') return null;
    const body = req.body as Record<string, unknown> | undefined;
    const { query, operationName, variables } = body ?? {};
    if (typeof query !== 'string' || !query.includes('contentChanges')) return null;
    if (operationName != null && typeof operationName !== 'string') return null;
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return null;
    }
    return this.withVariables(
      {
        actor,
        query,
        operationName: operationName ?? undefined,
        headers: answerHeaders(req.headers),
      },
      (variables as Record<string, unknown> | null) ?? {},
    );
  }

  /**
   * The page read ahead for `request`, if it is still what a read now would
   * answer (see the class comment). Waits for a page still being read.
   */
  async take(request: FeedRequest): Promise<ReadAheadPage | undefined> {
    const reading = this.pages.get(request.key);
    if (!reading) return undefined;
    this.pages.delete(request.key);
    const page = await reading;
    if (!page || page.actor !== JSON.stringify(request.actor)) return undefined;
    if ((await this.feed.position(page.brand)) !== page.position) return undefined;
    this.counts.served++;
    return page;
  }

  /**
   * Keeps the `depth` pages after `request`'s (whose answer was `page`) read
   * or being read: each is read once the one before it is, since its cursor
   * is in that page.
   */
  readNext(
    request: FeedRequest,
    page: { brand: string; next: Record<string, unknown> | null },
    depth = PAGES_AHEAD,
  ): void {
    const following = page.next && this.withVariables(request, page.next);
    if (!following) return;
    let reading = this.pages.get(following.key);
    if (!reading) {
      if (this.reading >= MAX_READING) return;
      reading = outsideRequests(() => this.read(following, page.brand));
      this.pages.set(following.key, reading);
      for (const key of this.pages.keys()) {
        if (this.pages.size <= MAX_PAGES) break;
        this.pages.delete(key);
      }
    }
    if (depth > 1) {
      void reading.then((read) => read && this.readNext(following, read, depth - 1));
    }
  }

  private withVariables(
    request: Omit<FeedRequest, 'key' | 'variables'>,
    variables: Record<string, unknown>,
  ): FeedRequest | null {
    const analysis = analyzeOperation(request.query, request.operationName);
    // Only documents of read-once fields (the feed) are read ahead.
    if (!analysis || analysis.kept) return null;
    const key = cacheKey({
      scope: `key:${request.actor.apiKeyId}`,
      analysis,
      variables,
      accept: request.headers.accept,
    });
    return { ...request, key, variables };
  }

  /**
   * The answer Apollo gives `request` now, as the HTTP integration would
   * send it, if it is a whole page of the feed without errors.
   */
  private async read(request: FeedRequest, brand: string): Promise<ReadAheadPage | undefined> {
    this.reading++;
    try {
      return await this.readNow(request, brand);
    } catch (error) {
      this.logger.warn(
        `Reading a feed page ahead failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    } finally {
      this.reading--;
    }
  }

  private async readNow(request: FeedRequest, brand: string): Promise<ReadAheadPage | undefined> {
    // The request as the GraphQL context sees it: its caller, nothing else.
    const req = { method: 'POST', headers: request.headers, actor: request.actor };
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await this.server().executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: '',
        body: {
          query: request.query,
          variables: request.variables,
          ...(request.operationName === undefined ? {} : { operationName: request.operationName }),
        },
      },
      context: async () => createGraphqlContext({ req: req as AuthenticatedRequest }),
    });
    const page = (req as AuthenticatedRequest)[FEED_PAGE];
    if (!page || page.brand !== brand || response.body.kind !== 'complete') return undefined;
    if ((response.status ?? 200) !== 200) return undefined;
    const body = Buffer.from(response.body.string);
    // ResponseSizeLimitMiddleware would replace it: read it again when asked for.
    if (body.length > MAX_RESPONSE_BYTES) return undefined;
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const gzipped = acceptsGzip ? await gzipAsync(body, { level: 3 }) : undefined;
    this.counts.read++;
    return {
      actor: JSON.stringify(request.actor),
      brand,
      position: page.position,
      headers: [...response.headers],
      body,
      gzip: gzipped,
      next: page.next,
    };
  }

  /** Apollo's server, found once it has started (GraphQLModule starts it with the app). */
  private server(): ApolloServer {
    // The driver's type names @apollo/server's ESM build; Nest loads the CommonJS one.
    this.apollo ??= this.moduleRef.get<GraphQLModule<ApolloDriver>>(GraphQLModule, {
      strict: false,
    }).graphQlAdapter.instance as unknown as ApolloServer;
    return this.apollo;
  }
}
