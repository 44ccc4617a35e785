import { readFile } from 'node:fs/promises';
import { GRAPHQL_RESOLVERS } from './graphql-api.module';
import { printSchemaFile, SCHEMA_FILE } from '../graphql/schema-file';

describe('schema.gql', () => {
  it('is the schema the code builds (run `npm run build` and commit it)', async () => {
    expect(await printSchemaFile(GRAPHQL_RESOLVERS)).toBe(await readFile(SCHEMA_FILE, 'utf8'));
  });
});
