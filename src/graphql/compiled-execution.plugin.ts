import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import {
  BREAK,
  type DocumentNode,
  getNamedType,
  type GraphQLSchema,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

const logger = new Logger('CompiledExecution');

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Distinct documents whose compiled form is kept. Sites send a few dozen
 * shapes; the clinic page compiles to 55 KB of source, a document at the
 * token limit to a few times that, so the worst case stays in tens of MB.
 */
const MAX_COMPILED_DOCUMENTS = 100;

/** How each query was executed since the process started (the spec reads it). */
export const executionCounts = { compiled: 0, graphqlJs: 0 };

/** A document seen once, or one that graphql-js must run (see `compile`). */
type NotCompiled = 'seen once' | 'graphql-js';

export interface CompiledExecutionOptions {
  /**
   * Root fields whose answers hold every String, Int, Float, ID, Boolean and
   * enum value in its GraphQL form already (strings, integers, enum names:
   * typed columns under CHECK constraints, data validated when written). A
   * document of these fields alone is compiled without graphql-jit's
   * serializer calls for those types (`disableLeafSerialization`): they
   * would return each value as it is, and the call for every leaf, which
   * builds its error location and path up front, was a third of what a
   * 500-item `contentChanges` page allocated (docs/benchmarks.md, round 9).
   * Nulls in non-null fields are still errors; custom scalars are still
   * serialized.
   */
  preSerializedRootFields?: ReadonlySet<string>;
}

/**
 * Runs queries through graphql-jit: it compiles each document once into a
 * function that reads plain fields inline and calls only real resolvers,
 * without graphql-js's per-field `info` objects, argument maps and promise
 * collection: a third less CPU for the locator's 50 clinics, about a tenth
 * for the FAQ and clinic pages (docs/benchmarks.md, round 3). It runs after
 * the query limits (validation and didResolveOperation), with the same context.
 *
 * Only answers without errors are taken from it. graphql-jit's errors differ
 * from graphql-js's (no AST nodes, no `extensions` object, null-propagation
 * errors in another order) and Apollo neither announces nor formats errors
 * of an answer given here, so a query whose compiled run met any error is
 * answered by graphql-js as if this plugin did not exist: the same errors,
 * paths, partial data and status, at the price of running it twice (the
 * request's loaders already hold what the first run read). Mutations (not
 * to be run twice), documents graphql-jit would answer differently (see
 * `compile`) and a document's first sighting go straight to graphql-js.
 * Plugins' executionDidStart hooks do not run for a compiled answer (no
 * plugin of this API has one).
 */
export function compiledExecution(options: CompiledExecutionOptions = {}): ApolloPlugin {
  // One cache per schema: each app built in a process has its own resolvers.
  const caches = new WeakMap<GraphQLSchema, LRUCache<string, CompiledQuery | NotCompiled>>();

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { schema, document, source, request, operation, contextValue } = requestContext;
          // Typed as set, but undefined when no operation matched the request's
          // operationName: graphql-js answers that with its own error.
          if ((operation as OperationDefinitionNode | undefined)?.operation !== 'query')
            return null;
          let cache = caches.get(schema);
          if (!cache) {
            cache = new LRUCache({ max: MAX_COMPILED_DOCUMENTS });
            caches.set(schema, cache);
          }
          const key = `${request.operationName ?? ''}\n${source}`;
          let entry = cache.get(key);
          if (entry === undefined) {
            // Compiling costs several executions: a one-off document is not worth it.
            cache.set(key, 'seen once');
          } else if (entry === 'seen once') {
            entry = compile(
              schema,
              document,
              request.operationName,
              operation.name?.value,
              asksOnly(operation, options.preSerializedRootFields),
            );
            cache.set(key, entry);
          }
          if (entry === undefined || typeof entry === 'string') {
            executionCounts.graphqlJs++;
            return null;
          }

          const result = await entry.query(undefined, contextValue, request.variables);
          if (result.errors?.length) {
            executionCounts.graphqlJs++;
            return null;
          }
          executionCounts.compiled++;
          return {
            // Apollo merges this head into the response's: nothing to add.
            http: requestContext.response.http,
            body: { kind: 'single', singleResult: { data: result.data } },
          };
        },
      };
    },
  };
}

/** The compiled query, or 'graphql-js' for a document graphql-jit would answer differently. */
function compile(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  /** The operation's own name, for the log (requests need not send one). */
  name = '(anonymous)',
  preSerialized = false,
): CompiledQuery | 'graphql-js' {
  if (
    hasSelectionsCompiledDifferently(document) ||
    hasVariablesInScalarLiterals(schema, document)
  ) {
    return 'graphql-js';
  }
  const startedAt = performance.now();
  // Errors are never read from a compiled run (see above): no stacks to capture.
  const compiled = compileQuery(schema, document, operationName, {
    disablingCapturingStackErrors: true,
    disableLeafSerialization: preSerialized,
  });
  const ms = (performance.now() - startedAt).toFixed(1);
  if (isCompiledQuery(compiled)) {
    logger.debug(`Compiled operation ${name} in ${ms} ms`);
    return compiled;
  }
  logger.debug(`graphql-js runs operation ${name}: ${compiled.errors?.[0]?.message}`);
  return 'graphql-js';
}

/** Whether the operation's root selections are all fields of `rootFields` (no fragments). */
function asksOnly(operation: OperationDefinitionNode, rootFields?: ReadonlySet<string>): boolean {
  if (!rootFields?.size) return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && rootFields.has(selection.name.value),
  );
}

/**
 * Introspection (`__typename` is compiled) and `@skip`/`@include`: graphql-jit
 * orders an answer's keys by the selections it compiled, so a field also
 * asked for in a skipped fragment keeps that fragment's place; graphql-js
 * places it where it is first asked for among the selections it runs.
 */
function hasSelectionsCompiledDifferently(document: DocumentNode): boolean {
  let found = false;
  const stop = () => {
    found = true;
    return BREAK;
  };
  visit(document, {
    Field: (node) =>
      node.name.value === '__schema' || node.name.value === '__type' ? stop() : undefined,
    Directive: (node) =>
      node.name.value === 'skip' || node.name.value === 'include' ? stop() : undefined,
  });
  return found;
}

/**
 * graphql-jit parses a custom scalar's literal once, when it compiles, and
 * leaves out the variables inside it: `value: { x: $v }` for a JSON argument
 * would reach the resolver as `{ x: undefined }` (graphql-jit's GraphQL-JS.md).
 * No query takes such an argument today; one that did is run by graphql-js.
 */
function hasVariablesInScalarLiterals(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const check = (value: ValueNode) => {
    const type = getNamedType(typeInfo.getInputType());
    if (!isScalarType(type) || isSpecifiedScalarType(type) || value.kind === Kind.VARIABLE) return;
    visit(value, {
      Variable() {
        found = true;
        return BREAK;
      },
    });
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: (node) => check(node.value),
      ObjectField: (node) => check(node.value),
    }),
  );
  return found;
}
