import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { withAsciiStrings } from '../../graphql/ascii-json';
import type { GraphqlContext } from '../../graphql/graphql-context';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** Set on a request whose answer was a whole page of the feed (see feedPagePlugin). */
export const FEED_PAGE = Symbol('feedPage');
/** Set by the resolver: where the feed stood when the request's page was read. */
const PAGE_POSITION = Symbol('feedPagePosition');

/** A page of `contentChanges` answered in full: its brand and the variables of the page after it. */
export interface FeedPage {
  brand: string;
  /** Where the feed stood when the page was read (ChangeFeedService.position). */
  position: string;
  /** The same variables with the cursor argument's variable set to `endCursor`; null after the last page. */
  next: Record<string, unknown> | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    [FEED_PAGE]?: FeedPage;
    [PAGE_POSITION]?: string;
  }
}

/** Notes where the feed stood when `req`'s page was read (the resolver calls it). */
export function notePagePosition(req: Request, position: string): void {
  req[PAGE_POSITION] = position;
}

/**
 * How a document pages through the feed, or null when it does not the way a
 * sync loop does: a query of `contentChanges` alone, whose `after` is a
 * variable (so the next page is the same document with that variable set to
 * the page's `endCursor`).
 */
interface FeedPaging {
  /** The root field's key in the answer (its alias, if any). */
  responseKey: string;
  afterVariable: string;
  brand: { literal: string } | { variable: string };
}

const pagingOf = new WeakMap<OperationDefinitionNode, FeedPaging | null>();

export function feedPagingOf(operation: OperationDefinitionNode): FeedPaging | null {
  let paging = pagingOf.get(operation);
  if (paging === undefined) {
    paging = readPaging(operation);
    pagingOf.set(operation, paging);
  }
  return paging;
}

function readPaging(operation: OperationDefinitionNode): FeedPaging | null {
  const [field, ...others] = operation.selectionSet.selections;
  if (operation.operation !== 'query' || others.length > 0 || field?.kind !== Kind.FIELD) {
    return null;
  }
  if (field.name.value !== 'contentChanges') return null;
  const argument = (name: string) => field.arguments?.find((arg) => arg.name.value === name)?.value;
  const after = argument('after');
  const brand = argument('brand');
  if (after?.kind !== Kind.VARIABLE) return null;
  const brandSource =
    brand?.kind === Kind.STRING
      ? { literal: brand.value }
      : brand?.kind === Kind.VARIABLE
        ? { variable: brand.name.value }
        : null;
  if (!brandSource) return null;
  return {
    responseKey: field.alias?.value ?? field.name.value,
    afterVariable: after.name.value,
    brand: brandSource,
  };
}

/**
 * Notes on the HTTP request that its answer is a whole feed page, without
 * errors, and what the next page's variables are: FeedReadAhead starts
 * reading that page once this one is sent. The answer's `endCursor` and
 * `hasMore` are read from the result (the document must ask for both).
 *
 * Such a page is then sent as ASCII JSON (withAsciiStrings): on a page of
 * 500 prices, whose labels hold an em dash, the escaping, stringifying and
 * UTF-8 copy take about 4 ms of CPU against 5.5–6.5 ms for the stringify
 * and copy alone, and a client's decoding and parsing 1.7 against 2.6 ms
 * (docs/benchmarks.md, round 12).
 */
export const feedPagePlugin: ApolloPlugin = {
  // One listener for every request: it keeps nothing of its own.
  async requestDidStart() {
    return feedPageListener;
  },
};

const feedPageListener: Awaited<ReturnType<NonNullable<ApolloPlugin['requestDidStart']>>> = {
  async willSendResponse({ contextValue, response, operation, request }) {
    const req = (contextValue as GraphqlContext | undefined)?.req;
    if (!req || !operation || response.body.kind !== 'single') return;
    const result = response.body.singleResult;
    const { errors, data } = result;
    if (errors || !data || (response.http.status ?? 200) !== 200) return;
    const paging = feedPagingOf(operation);
    if (!paging) return;
    const page = data[paging.responseKey] as { endCursor?: unknown; hasMore?: unknown } | null;
    const variables = request.variables ?? {};
    const brand =
      'literal' in paging.brand ? paging.brand.literal : variables[paging.brand.variable];
    const position = req[PAGE_POSITION];
    if (!page || typeof brand !== 'string' || typeof page.hasMore !== 'boolean') return;
    if (position === undefined) return;
    if (page.hasMore && typeof page.endCursor !== 'string') return;
    req[FEED_PAGE] = {
      brand,
      position,
      next: page.hasMore ? { ...variables, [paging.afterVariable]: page.endCursor } : null,
    };
    result.data = withAsciiStrings(data);
  },
};
