import {
  graphql,
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldResolver,
} from 'graphql';
import { plainPropertyFields } from './plain-fields';

/** Nest's property reader (object-type-definition.factory.ts), as it builds one per field. */
function nestReader(property: string, defaultValue?: unknown): GraphQLFieldResolver<any, unknown> {
  const rootFieldResolver = (root: any) => {
    const value = root[property];
    return typeof value === 'undefined' ? defaultValue : value;
  };
  return rootFieldResolver;
}

function schemaWith(fields: Record<string, GraphQLFieldResolver<any, unknown>>): GraphQLSchema {
  const item = new GraphQLObjectType({
    name: 'Item',
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, resolve]) => [name, { type: GraphQLString, resolve }]),
    ),
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        item: { type: item, resolve: () => ({ plain: 'p', other: 'o', computed: 'c' }) },
        count: { type: GraphQLInt, resolve: nestReader('count') },
      },
    }),
  });
}

describe('plainPropertyFields', () => {
  it('drops Nest’s reader of the field’s own property, and answers the same', async () => {
    const schema = schemaWith({ plain: nestReader('plain') });
    const before = await graphql({ schema, source: '{ item { plain } count }', rootValue: {} });
    plainPropertyFields(schema);
    const item = schema.getType('Item') as GraphQLObjectType;
    expect(item.getFields().plain.resolve).toBeUndefined();
    expect(schema.getQueryType()!.getFields().count.resolve).toBeUndefined();
    const after = await graphql({ schema, source: '{ item { plain } count }', rootValue: {} });
    expect(after).toEqual(before);
    expect(after.data).toEqual({ item: { plain: 'p' }, count: null });
  });

  it('keeps resolvers that read another property, have a default value, or are not Nest’s reader', async () => {
    const renamed = nestReader('other');
    const withDefault = nestReader('defaulted', 'fallback');
    const computed: GraphQLFieldResolver<any, unknown> = (root) => root.computed;
    const schema = plainPropertyFields(schemaWith({ renamed, defaulted: withDefault, computed }));
    const fields = (schema.getType('Item') as GraphQLObjectType).getFields();
    expect(fields.renamed.resolve).toBe(renamed);
    expect(fields.defaulted.resolve).toBe(withDefault);
    expect(fields.computed.resolve).toBe(computed);
    const { data } = await graphql({ schema, source: '{ item { renamed defaulted computed } }' });
    expect(data).toEqual({ item: { renamed: 'o', defaulted: 'fallback', computed: 'c' } });
  });
});
