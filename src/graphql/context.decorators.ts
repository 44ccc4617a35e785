import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { originOf } from '../auth/request-origin';
import type { WriteContext as EditingWriteContext } from '../editing/write-context';
import type { AuthenticatedRequest, GraphqlContext } from './graphql-context';

/*
 * The one way a resolver reaches the request it serves: a parameter
 * decorator per need, so no resolver reads the raw GraphQL context.
 */

const contextOf = (context: ExecutionContext): GraphqlContext =>
  GqlExecutionContext.create(context).getContext<GraphqlContext>();

/** The caller of this GraphQL request (ANONYMOUS when no bearer was sent). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => contextOf(context).actor,
);

/**
 * The caller as a writer through the API (`source: 'API'`, recorded in every
 * revision): what editor reads and writes take.
 */
export const WriteContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): EditingWriteContext => ({
    actor: contextOf(context).actor,
    source: 'API',
  }),
);
export type WriteContext = EditingWriteContext;

/** This request's DataLoaders (one batch per parent list, one cache per request). */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => contextOf(context).loaders,
);

/** Where the request came from (address, user agent): for sessions and the audit log. */
export const Origin = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  originOf(contextOf(context).req),
);

/**
 * The HTTP request itself, for the few resolvers that act on it: session
 * cookies, and the cache lifetime of an answer (expireAnswerBy).
 */
export const HttpRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedRequest => contextOf(context).req,
);
