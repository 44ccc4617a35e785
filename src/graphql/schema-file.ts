import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

/** The committed schema, written by the app outside production and by `npm run build`. */
export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

// What @nestjs/graphql writes at the top of an autoSchemaFile.
const HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------

`;

/**
 * The text of schema.gql, built from the resolvers' metadata without a
 * database or an HTTP server: the same sorted SDL the app writes on start.
 * Pass GRAPHQL_RESOLVERS (src/api/graphql-api.module.ts), every resolver of the app.
 */
export async function printSchemaFile(resolvers: Function[]): Promise<string> {
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const schema = await context.get(GraphQLSchemaFactory).create(resolvers);
    return HEADER + printSchema(lexicographicSortSchema(schema));
  } finally {
    await context.close();
  }
}
