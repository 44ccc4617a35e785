import { readFile } from 'node:fs/promises';
import { printSchemaFile, SCHEMA_FILE } from './schema-file';

describe('schema.gql', () => {
  it('is the schema the code builds (run `npm run build` and commit it)', async () => {
    expect(await printSchemaFile()).toBe(await readFile(SCHEMA_FILE, 'utf8'));
  });
});
