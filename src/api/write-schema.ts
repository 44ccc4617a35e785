import { writeFile } from 'node:fs/promises';
import { GRAPHQL_RESOLVERS } from './graphql-api.module';
import { printSchemaFile, SCHEMA_FILE } from '../graphql/schema-file';

/** `npm run build` runs this after compiling, so schema.gql always matches the code. */
async function main(): Promise<void> {
  await writeFile(SCHEMA_FILE, await printSchemaFile(GRAPHQL_RESOLVERS));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
