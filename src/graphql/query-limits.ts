import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import {
  type DocumentNode,
  GraphQLError,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import type { AppConfig } from '../config/app-config';
import { executionCeilings } from './execution-ceilings';
import { queryCostRule } from './query-cost';

/** Deepest legitimate page (clinic → treatment → faqs → treatments → …) is about 6. */
export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
/**
 * Most work one answer may ask for (query-cost.ts: every field, weighted by
 * the work it does, × the bounds of the lists and pages above it). The
 * benchmark's clinic page costs about 17,000, its locator 10,600, a partner
 * sync page of 500 changes 108,000 (114,000 with every field); the most
 * expensive document allowed (bench/worst-query.ts) is timed by npm run bench.
 */
export const MAX_COST = 150_000;
export const MAX_TOKENS = 2000;
export const MAX_DIRECTIVES = 20;

export type QueryLimits = Required<
  Pick<ApolloDriverConfig, 'parseOptions' | 'validationRules' | 'plugins'>
>;
/** Taken from the driver's config: @nestjs/apollo sees @apollo/server's ESM types. */
type ApolloPlugin = QueryLimits['plugins'][number];

/**
 * Limits on what one GraphQL document may ask for. A document over a limit is
 * refused before execution with a 400 GRAPHQL_VALIDATION_FAILED (or
 * GRAPHQL_PARSE_FAILED for tokens) that names the limit.
 */
export function queryLimits(config: AppConfig): QueryLimits {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: MAX_DEPTH, ...refuseAsValidationError() },
    maxAliases: { n: MAX_ALIASES, ...refuseAsValidationError() },
    // Armor's cost ignores lists without `first`; query-cost.ts counts them.
    costLimit: { enabled: false },
    maxDirectives: { n: MAX_DIRECTIVES, ...refuseAsValidationError() },
    // Armor's Apollo token plugin throws from parsingDidStart, which Apollo
    // answers with a 500 (for any syntax error, too); graphql-js counts
    // tokens itself through parseOptions.
    maxTokens: { enabled: false },
    // Its Apollo plugin misses enum suggestions and leaves a stray "?".
    blockFieldSuggestion: { enabled: false },
  }).protect();

  return {
    parseOptions: { maxTokens: MAX_TOKENS },
    validationRules: [...validationRules, queryCostRule(MAX_COST), knownOperationTypes],
    plugins: [
      executionCeilings(config),
      refuseNulCharacters,
      ...(config.nodeEnv === 'production' ? [hideSuggestions] : []),
    ],
  };
}

/**
 * graphql-js 16 accepts e.g. `subscription { … }` against a schema without
 * subscriptions and only fails at execution, with an error that has no code
 * (so a client would get INTERNAL_SERVER_ERROR).
 */
const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(
        new GraphQLError(`This API has no ${node.operation} operations.`, { nodes: node }),
      );
    }
  },
});

/**
 * PostgreSQL text cannot hold U+0000, so a string with it would fail in the
 * database; it is refused up front as the client's mistake.
 */
const refuseNulCharacters: ApolloPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (hasNulInDocument(document) || hasNulInValue(request.variables)) {
          throw new GraphQLError('Strings must not contain the NUL character (U+0000).', {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};

/** Apollo reuses the parsed document of a query it has seen: each is checked once. */
const checkedDocuments = new WeakMap<DocumentNode, boolean>();

function hasNulInDocument(document: DocumentNode): boolean {
  let found = checkedDocuments.get(document);
  if (found === undefined) {
    found = findNulInDocument(document);
    checkedDocuments.set(document, found);
  }
  return found;
}

function findNulInDocument(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      found ||= node.value.includes('\0');
    },
  });
  return found;
}

/** Iterative: variables are client JSON and may nest far deeper than the stack. */
function hasNulInValue(root: unknown): boolean {
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\0')) return true;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\0')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * Armor's default reports BAD_USER_INPUT with a "Syntax Error:" prefix; a
 * plain validation error (Apollo adds the code and a 400) says what it is.
 */
function refuseAsValidationError() {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

/**
 * graphql-js 16 cannot turn "Did you mean …?" off, and with introspection
 * off those hints would still map the schema out; they are cut before the
 * errors are formatted.
 */
const hideSuggestions: ApolloPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) {
          error.message = error.message.replace(/\s*Did you mean .*\?$/s, '');
        }
      },
    };
  },
};
