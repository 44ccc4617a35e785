// ESLint runs only over the GraphQL schema (TypeScript is linted by oxlint):
// every type, field, argument and enum value of the public contract has a
// description, so generated clients and explorers document themselves.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default [
  {
    files: ['schema.gql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.gql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
          // Nest's code-first schema cannot describe the root types themselves;
          // every root field has its own description (rootField above).
          ignoredSelectors: ['[type=ObjectTypeDefinition][name.value=/^(Query|Mutation)$/]'],
        },
      ],
    },
  },
];
