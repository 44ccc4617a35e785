import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the API's schema.gql. `npm run console:codegen`
 * writes console/src/gql; the build runs it with --check, so a stale
 * generated file fails the build.
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['console/src/**/*.{ts,tsx}', '!console/src/gql/**'],
  generates: {
    'console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // The API's string-shaped scalars arrive as strings in JSON.
        scalars: {
          DateTime: 'string',
          LocalDate: 'string',
          CountryCode: 'string',
          Currency: 'string',
          Locale: 'string',
          JSONObject: 'Record<string, unknown>',
          JSON: 'unknown',
        },
      },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
