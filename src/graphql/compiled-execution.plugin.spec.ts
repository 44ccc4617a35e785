import { HeaderMap } from '@apollo/server';
import { buildSchema, type GraphQLFieldResolver, parse } from 'graphql';
import {
  compiledExecution,
  type CompiledExecutionOptions,
  executionCounts,
} from './compiled-execution.plugin';

const schema = buildSchema(`
  "Its literals are parsed with the variables inside them (graphql-js's default)."
  scalar JSON
  type Item { n: String!, list: [Int!]!, missing: String! }
  type Query { hello: String, echo(value: JSON): JSON, fails: String, feed: Item, other: Item }
`);
// Not in GraphQL form: String's serializer makes the number "5".
const item = { n: 5, list: [1, 2] };
const resolvers: Record<string, GraphQLFieldResolver<unknown, unknown>> = {
  hello: () => 'world',
  echo: (_, { value }) => value,
  fails: () => {
    throw new Error('no');
  },
  feed: () => item,
  other: () => item,
};
for (const [name, resolve] of Object.entries(resolvers)) {
  schema.getQueryType()!.getFields()[name].resolve = resolve;
}

/** Runs the plugin's hook as Apollo does once a query is parsed, validated and resolved. */
async function responseFor(
  query: string,
  variables?: Record<string, unknown>,
  options?: CompiledExecutionOptions,
) {
  const plugin = compiledExecution(options) as { requestDidStart(): Promise<any> };
  const listener = await plugin.requestDidStart();
  const document = parse(query);
  const operation = document.definitions[0];
  return (source: string) =>
    listener.responseForOperation({
      schema,
      document,
      source,
      operation,
      request: { query: source, variables },
      contextValue: {},
      response: { http: { status: undefined, headers: new HeaderMap() } },
    });
}

describe('compiledExecution', () => {
  it('answers a document from its second sighting on with the compiled query', async () => {
    const query = '{ hello }';
    const respond = await responseFor(query);
    const before = { ...executionCounts };

    // The first sighting goes to graphql-js (null: Apollo executes as usual)…
    expect(await respond(query)).toBeNull();
    // …then the compiled query answers.
    const answer = await respond(query);
    expect(answer.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'world' } } });
    expect(executionCounts.compiled - before.compiled).toBe(1);
    expect(executionCounts.graphqlJs - before.graphqlJs).toBe(1);
  });

  it('leaves to graphql-js a document graphql-jit would compile wrongly', async () => {
    // graphql-jit would pass { x: undefined } to the resolver (the variable
    // inside a custom scalar's literal is lost), graphql-js { x: "hi" }.
    const query = 'query($v: String) { echo(value: { x: $v }) }';
    const respond = await responseFor(query, { v: 'hi' });
    const before = { ...executionCounts };
    expect(await respond(query)).toBeNull();
    expect(await respond(query)).toBeNull();
    expect(await respond(query)).toBeNull();
    expect(executionCounts.compiled - before.compiled).toBe(0);
    expect(executionCounts.graphqlJs - before.graphqlJs).toBe(3);
  });

  it('compiles a variable passed whole to a custom scalar', async () => {
    const query = 'query($v: JSON) { echo(value: $v) }';
    const respond = await responseFor(query, { v: { x: 'hi' } });
    await respond(query);
    expect((await respond(query)).body.singleResult).toEqual({ data: { echo: { x: 'hi' } } });
  });

  it('leaves to graphql-js a query whose compiled run met an error, introspection, @skip and @include', async () => {
    for (const query of [
      '{ hello fails }',
      '{ __schema { queryType { name } } }',
      '{ hello @include(if: true) }',
      '{ ... @skip(if: false) { hello } }',
    ]) {
      const respond = await responseFor(query);
      await respond(query);
      const before = { ...executionCounts };
      expect(await respond(query)).toBeNull();
      expect(executionCounts.compiled).toBe(before.compiled);
    }
  });

  it('leaves mutations to graphql-js', async () => {
    const query = 'mutation { hello }';
    const respond = await responseFor(query);
    expect(await respond(query)).toBeNull();
    expect(await respond(query)).toBeNull();
  });

  it('leaves out leaf serializers only for documents of the pre-serialized root fields alone', async () => {
    const options = { preSerializedRootFields: new Set(['feed']) };
    const compiledAnswer = async (query: string) => {
      const respond = await responseFor(query, undefined, options);
      await respond(query);
      return (await respond(query))?.body.singleResult;
    };
    // Values are taken as they are (the feed's are in GraphQL form already)…
    expect(await compiledAnswer('{ feed { n list } }')).toEqual({
      data: { feed: { n: 5, list: [1, 2] } },
    });
    // …elsewhere, and with any other root field, they are serialized.
    expect(await compiledAnswer('{ other { n } }')).toEqual({ data: { other: { n: '5' } } });
    expect(await compiledAnswer('{ feed { n } hello }')).toEqual({
      data: { feed: { n: '5' }, hello: 'world' },
    });
    // A null in a non-null field is still an error, left to graphql-js.
    expect(await compiledAnswer('{ feed { missing } }')).toBeUndefined();
  });
});
