import { startTestApp, TestApp } from '../helpers/test-app';

/** The introspected shape of a type reference (`NON_NULL` / `LIST` wrap `ofType`). */
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputField {
  name: string;
  type: TypeRef;
}
interface FullType {
  name: string;
  kind: string;
  inputFields: InputField[] | null;
  enumValues: { name: string }[] | null;
}
interface MutationField {
  name: string;
  args: InputField[];
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';

/** Mutations meant for callers who are not signed in yet. */
const PUBLIC_MUTATIONS = [
  'login',
  'startBrowserSession',
  'refreshSession',
  'requestPasswordReset',
  'resetPassword',
];

/**
 * Issue 9.11: an anonymous caller learns nothing about a mutation's input
 * rules. Every mutation is called without credentials with input that is
 * well-typed (GraphQL accepts it) but breaks the mutation's own rules
 * (empty strings, ids that are not ids, negative numbers); each must answer
 * UNAUTHENTICATED, not a validation message. The mutation list comes from
 * introspection, so a new mutation is covered the day it is added.
 */
describe('security: anonymous mutations are refused before their input is validated', () => {
  let app: TestApp;
  let mutations: MutationField[];
  let types: Map<string, FullType>;

  beforeAll(async () => {
    app = await startTestApp();
    const { body } = await app.graphql(`{
      __schema {
        mutationType { fields { name args { name type { ${TYPE_REF} } } } }
        types { name kind enumValues { name } inputFields { name type { ${TYPE_REF} } } }
      }
    }`);
    mutations = body.data.__schema.mutationType.fields;
    types = new Map((body.data.__schema.types as FullType[]).map((type) => [type.name, type]));
  });
  afterAll(() => app?.close());

  /** A value GraphQL accepts for the type, but no mutation's rules would. */
  function invalidValue(type: TypeRef, depth = 0): unknown {
    if (type.kind === 'NON_NULL') return invalidValue(type.ofType!, depth);
    if (type.kind === 'LIST') return [invalidValue(type.ofType!, depth)];
    const full = types.get(type.name!)!;
    if (full.kind === 'ENUM') return full.enumValues![0].name;
    if (full.kind === 'INPUT_OBJECT') {
      // Only the required fields: enough to pass GraphQL, and each one broken.
      return Object.fromEntries(
        (full.inputFields ?? [])
          .filter((field) => field.type.kind === 'NON_NULL' && depth < 4)
          .map((field) => [field.name, invalidValue(field.type, depth + 1)]),
      );
    }
    switch (type.name) {
      case 'Int':
        return -1;
      case 'Float':
        return -1e12;
      case 'Boolean':
        return false;
      case 'DateTime':
        return '1970-01-01T00:00:00.000Z';
      // Well-formed for their scalar (the scalar's own check is public
      // schema knowledge); the mutation's rules decide the rest.
      case 'CountryCode':
        return 'US';
      case 'Currency':
        return 'USD';
      case 'Locale':
        return 'en-US';
      case 'LocalDate':
        return '1970-01-01';
      case 'JSON':
      case 'JSONObject':
        return {};
      default:
        return ''; // String, ID
    }
  }

  function printType(type: TypeRef): string {
    if (type.kind === 'NON_NULL') return `${printType(type.ofType!)}!`;
    if (type.kind === 'LIST') return `[${printType(type.ofType!)}]`;
    return type.name!;
  }

  it('answers UNAUTHENTICATED to every mutation but the public ones', async () => {
    expect(mutations.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const mutation of mutations) {
      const args = mutation.args.filter((arg) => arg.type.kind === 'NON_NULL');
      const declared = args.map((arg) => `$${arg.name}: ${printType(arg.type)}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const returnsObject = await returnsComposite(mutation.name);
      const query = `mutation${declared ? `(${declared})` : ''} { ${mutation.name}${
        passed ? `(${passed})` : ''
      }${returnsObject ? ' { __typename }' : ''} }`;
      const variables = Object.fromEntries(args.map((arg) => [arg.name, invalidValue(arg.type)]));
      const { body } = await app.graphql(query, variables);
      const code = body.errors?.[0]?.extensions?.code;
      if (PUBLIC_MUTATIONS.includes(mutation.name)) {
        const message: string = body.errors?.[0]?.message ?? '';
        if (code === 'UNAUTHENTICATED' && message.startsWith('Sign in first')) {
          wrong.push(`${mutation.name} is public but asked to sign in`);
        }
      } else if (code !== 'UNAUTHENTICATED') {
        wrong.push(`${mutation.name}: ${code} ${JSON.stringify(body.errors?.[0]?.message)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('still validates the input of the public ones', async () => {
    const { body } = await app.graphql(
      `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
      { input: { email: 'not an email', password: '' } },
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  const composite = new Map<string, boolean>();
  async function returnsComposite(name: string): Promise<boolean> {
    if (!composite.size) {
      const { body } = await app.graphql(
        `{ __schema { mutationType { fields { name type { ${TYPE_REF} } } } } }`,
      );
      for (const field of body.data.__schema.mutationType.fields as {
        name: string;
        type: TypeRef;
      }[]) {
        let type = field.type;
        while (type.ofType) type = type.ofType;
        composite.set(field.name, types.get(type.name!)!.kind === 'OBJECT');
      }
    }
    return composite.get(name)!;
  }
});
