import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';

/**
 * The name of the resolver @nestjs/graphql gives every `@Field` without
 * field middleware: it reads the source's property (`root[name]`, or the
 * field's `defaultValue` when that is undefined).
 */
const NEST_PROPERTY_READER = 'rootFieldResolver';

/**
 * Takes Nest's property readers off the fields where GraphQL's default
 * resolution reads the same property (GraphQLModule `transformSchema`).
 * graphql-jit (compiled-execution.plugin.ts) reads such a field inline, but
 * calls any resolver a field has, with its bookkeeping, and Nest gives one
 * to every field: on a `contentChanges` page that is a call per field of
 * 500 items. `@ResolveField` methods and fields with middleware or a
 * default value keep their resolvers.
 */
export function plainPropertyFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve && readsOwnProperty(field.resolve, field.name)) field.resolve = undefined;
    }
  }
  return schema;
}

/**
 * Whether `resolve` is Nest's reader of the property `name` with no default:
 * it answers a source's `name` as it is (a function too, where graphql-js
 * would call it; graphql-jit reads plain fields without calling them), and
 * undefined when the source has none. Only Nest's reader is tried: it has
 * no side effects and needs neither arguments nor context.
 */
function readsOwnProperty(resolve: GraphQLFieldResolver<unknown, unknown>, name: string): boolean {
  if (resolve.name !== NEST_PROPERTY_READER) return false;
  const value = {};
  const read: PropertyKey[] = [];
  const source = new Proxy(
    {},
    {
      get: (_target, key) => {
        read.push(key);
        return key === name ? value : undefined;
      },
    },
  );
  const call = (from: object) => resolve(from, {}, undefined, undefined as never);
  try {
    return call(source) === value && read.length === 1 && call({}) === undefined;
  } catch {
    return false;
  }
}
