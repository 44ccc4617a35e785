import {
  defaultFieldResolver,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isListType,
  isObjectType,
} from 'graphql';
import type { AppConfig } from '../config/app-config';
import type { QueryLimits } from './query-limits';
import { listBound } from './list-bounds';

/** The request clock, kept on the GraphQL context; `stoppedBy` once the deadline ended it. */
export interface ExecutionCeilingState {
  /** Date.now() past which list fields stop resolving. */
  deadline: number;
  timeoutMs: number;
  stoppedBy?: GraphQLError;
}

type ApolloPlugin = QueryLimits['plugins'][number];

/**
 * Wraps the resolver of every list field (GraphQLModule `transformSchema`):
 * it cuts the list to its declared bound (list-bounds.ts), so the cost the
 * validation counted is the most the answer holds, and it stops the request
 * once its deadline has passed. List fields are where answers grow, so the
 * check runs at every level that can multiply work, and nowhere else.
 */
export function boundListFields(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const bound = listBound(`${type.name}.${field.name}`);
      // Pages are bounded by `first`; mutation answers by their input.
      const cut = bound === 'page' || type === mutation ? Infinity : bound;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: Partial<ExecutionCeilingState>, info) => {
        checkDeadline(context);
        const items: unknown = resolve(source, args, context, info);
        return items instanceof Promise
          ? items.then((list) => cutList(list, cut))
          : cutList(items, cut);
      };
    }
  }
  return schema;
}

function cutList(items: unknown, bound: number): unknown {
  return Array.isArray(items) && items.length > bound ? items.slice(0, bound) : items;
}

function checkDeadline(context: Partial<ExecutionCeilingState>): void {
  if (context.deadline === undefined || Date.now() <= context.deadline) return;
  context.stoppedBy ??= new GraphQLError(
    `The query ran longer than ${context.timeoutMs} ms and was stopped: ask for fewer items or retry later.`,
    { extensions: { code: 'QUERY_TIMEOUT', http: { status: 503 } } },
  );
  throw context.stoppedBy;
}

/**
 * Starts each request's clock (GRAPHQL_TIMEOUT_MS; the cost limit keeps
 * every allowed document far below it, see `worstQuery` in npm run bench, so
 * it is the backstop for a slow database or a loaded instance), and when
 * the deadline stopped a request, answers one typed error instead of a
 * half-filled answer with an error per field.
 */
export const executionCeilings = (config: AppConfig): ApolloPlugin => ({
  async requestDidStart({ contextValue }) {
    const state = contextValue as Partial<ExecutionCeilingState>;
    state.timeoutMs = config.graphqlTimeoutMs;
    state.deadline = Date.now() + config.graphqlTimeoutMs;
    return {
      async willSendResponse({ response }) {
        if (!state.stoppedBy || response.body.kind !== 'single') return;
        response.body.singleResult = {
          errors: [{ message: state.stoppedBy.message, extensions: { code: 'QUERY_TIMEOUT' } }],
        };
        response.http.status = 503;
      },
    };
  },
});
