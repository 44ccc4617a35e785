import 'reflect-metadata';
import { buildSchema } from 'graphql';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GRAPHQL_RESOLVERS } from '../../src/api/graphql-api.module';
import { printSchemaFile } from '../../src/graphql/schema-file';
import { inlineExamples, loadExamples } from './examples';
import { operationsPage } from './operations';
import { authorizationPage, contentTypesPage, limitsPage } from './tables';
import { readValidationRules } from './validation-rules';

export const ROOT = join(__dirname, '../..');

/**
 * Every file `npm run docs` writes, by path from the repository root, with
 * its content: the reference pages and the docs with their examples inlined.
 * test/docs-generated.spec.ts fails while a committed file differs.
 */
export async function generateDocs(): Promise<Map<string, string>> {
  // Building the schema from the code registers the input classes' metadata.
  await printSchemaFile(GRAPHQL_RESOLVERS);
  const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
  const files = new Map<string, string>([
    ['docs/reference/operations.md', operationsPage(schema, readValidationRules())],
    ['docs/reference/authorization.md', authorizationPage()],
    ['docs/reference/content-types.md', contentTypesPage()],
    ['docs/reference/limits.md', limitsPage()],
  ]);
  const examples = loadExamples();
  for (const name of readdirSync(join(ROOT, 'docs')).filter((file) => file.endsWith('.md'))) {
    const path = `docs/${name}`;
    const text = readFileSync(join(ROOT, path), 'utf8');
    const inlined = inlineExamples(text, examples);
    if (inlined !== text) files.set(path, inlined);
  }
  return files;
}

async function main(): Promise<void> {
  for (const [path, content] of await generateDocs()) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), content);
    console.log(`wrote ${path}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
