import { TypeMetadataStorage } from '@nestjs/graphql';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * The class-validator rules of the input and args classes, by GraphQL input
 * type name (and by operation for args classes), read from the decorators'
 * metadata. The classes register themselves when the schema is built
 * (src/graphql/schema-file.ts), so call this after printSchemaFile().
 */
export interface ValidationRules {
  /** Input type name → property → rules in words. */
  inputs: Map<string, Map<string, string[]>>;
  /** `Query.clinics` → argument → rules in words (args classes). */
  args: Map<string, Map<string, string[]>>;
}

// What GraphQL's own types already say (required, enum, nested input).
const SAID_BY_THE_SCHEMA = new Set([
  'isDefined',
  'isOptional',
  'isEnum',
  'nestedValidation',
  'conditionalValidation',
  'whitelistValidation',
]);

function constraintText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'function') return undefined;
  if (value instanceof RegExp) return `\`${value.toString()}\``;
  if (Array.isArray(value)) {
    const parts = value.map(constraintText).filter((part) => part !== undefined);
    return parts.length ? `[${parts.join(', ')}]` : undefined;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function ruleText(metadata: ValidationMetadata): string | undefined {
  const name =
    metadata.name ??
    (metadata.constraintCls as { name?: string } | undefined)?.name ??
    metadata.type;
  if (SAID_BY_THE_SCHEMA.has(name) || SAID_BY_THE_SCHEMA.has(metadata.type)) return undefined;
  const args = (metadata.constraints ?? [])
    .map(constraintText)
    .filter((part) => part !== undefined);
  const each = metadata.each ? ' (each)' : '';
  return `${name}${args.length ? `(${args.join(', ')})` : ''}${each}`;
}

function rulesOf(target: Function): Map<string, string[]> {
  const byProperty = new Map<string, string[]>();
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  for (const metadata of metadatas) {
    const text = ruleText(metadata);
    if (!text) continue;
    const rules = byProperty.get(metadata.propertyName) ?? [];
    if (!rules.includes(text)) rules.push(text);
    byProperty.set(metadata.propertyName, rules);
  }
  for (const rules of byProperty.values()) rules.sort();
  return byProperty;
}

export function readValidationRules(): ValidationRules {
  const inputs = new Map<string, Map<string, string[]>>();
  for (const input of TypeMetadataStorage.getInputTypesMetadata()) {
    inputs.set(input.name, rulesOf(input.target));
  }
  const args = new Map<string, Map<string, string[]>>();
  const operations = [
    ...TypeMetadataStorage.getQueriesMetadata().map((m) => ({ root: 'Query', m })),
    ...TypeMetadataStorage.getMutationsMetadata().map((m) => ({ root: 'Mutation', m })),
  ];
  for (const { root, m } of operations) {
    const rules = new Map<string, string[]>();
    for (const arg of m.methodArgs ?? []) {
      if (arg.kind !== 'args') continue;
      for (const [property, list] of rulesOf(arg.typeFn() as Function)) rules.set(property, list);
    }
    if (rules.size > 0) args.set(`${root}.${m.schemaName}`, rules);
  }
  return { inputs, args };
}
