import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the API's schema.gql: `npm run examples:codegen`
 * writes examples/gql/; lint runs it with --check, so a stale file fails.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['examples/typed-operations.ts'],
  generates: {
    'examples/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          CountryCode: 'string',
          Currency: 'string',
          DateTime: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
          LocalDate: 'string',
          Locale: 'string',
        },
      },
    },
  },
};

export default config;
