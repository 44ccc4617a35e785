import { createHash } from 'node:crypto';
import {
  type DocumentNode,
  type FieldNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from 'graphql';
import { TextMemo } from '../common/text-memo';

/** Where an operation's brand slugs come from: literals, or variables by name. */
type BrandSource = { literal: string } | { variable: string };

/** What the cache needs to know of one query document, worked out once per text. */
export interface OperationAnalysis {
  /** The document printed without comments or layout, with the operation name. */
  normalized: string;
  /** Slugs of the brands the root fields read; empty when some root field reads no one brand. */
  brands: BrandSource[];
  /** A root field (e.g. `brands`) reads across brands. */
  crossBrand: boolean;
  /** False when a root field's answers are read once (READ_ONCE_ROOT_FIELDS): not worth keeping. */
  kept: boolean;
}

/**
 * Root fields whose answers the cache does not keep. A partner sync walks
 * each `contentChanges` page once under its own key (so its own cache
 * scope): a kept page is almost never read again, yet each costs its
 * compression at stored quality, and a first sync of a large brand (some
 * 80 MB of pages at 10,000 clinics) would push the delivery pages out of
 * the in-process store.
 */
const READ_ONCE_ROOT_FIELDS = new Set(['contentChanges']);

/** Generation read by answers that span brands; bumped by every publish. */
export const ANY_BRAND = 'any';
/** Generation read by every brand's answers; bumped when a brand itself is published. */
export const EVERY_BRAND = '*';
export const brandGeneration = (slug: string) => `brand:${slug}`;
/**
 * Bumped with `brand:<slug>` by every publish of the brand's content, under
 * its id: read by what is kept per brand id (PublishedBrandMemo), whatever
 * the brand's slug is now.
 */
export const brandContentGeneration = (brandId: string) => `brand-id:${brandId}`;

const analyses = new TextMemo<OperationAnalysis | null>(4 * 1024 * 1024);

/**
 * Whether a query document may be answered from the cache, and how it is
 * keyed. Null when it must not be: it does not parse (GraphQL answers the
 * error), names no single operation, is a mutation or a subscription, or
 * asks for drafts (`preview`). Memoised by text: clients send the same few
 * documents again and again, so each is parsed here once.
 */
export function analyzeOperation(
  query: string,
  operationName: string | undefined,
): OperationAnalysis | null {
  return analyses.get(`${operationName ?? ''}\u0000${query}`, () => analyze(query, operationName));
}

function analyze(query: string, operationName: string | undefined): OperationAnalysis | null {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: 2000 });
  } catch {
    return null;
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation || operation.operation !== 'query') return null;
  if (asksForPreview(document)) return null;

  const brands: BrandSource[] = [];
  let crossBrand = false;
  let kept = true;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      crossBrand = true; // a fragment at the root: no one brand to name
      continue;
    }
    if (selection.name.value === '__typename') continue;
    if (READ_ONCE_ROOT_FIELDS.has(selection.name.value)) kept = false;
    const source = brandOf(selection);
    if (source) brands.push(source);
    else crossBrand = true;
  }
  return {
    normalized: `${operationName ?? ''}\n${print(document)}`,
    brands,
    crossBrand,
    kept,
  };
}

/** `brand(slug:)` names its brand by slug; every other delivery root field by `brand:`. */
function brandOf(field: FieldNode): BrandSource | undefined {
  const name = field.name.value === 'brand' ? 'slug' : 'brand';
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return undefined;
  if (argument.value.kind === Kind.STRING) return { literal: argument.value.value };
  if (argument.value.kind === Kind.VARIABLE) return { variable: argument.value.name.value };
  return undefined;
}

/** Draft previews are never cached, whatever the argument's value. */
function asksForPreview(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'preview') found = true;
    },
  });
  return found;
}

/**
 * The generations an answer depends on, or null when a brand slug cannot be
 * read from the variables (GraphQL will refuse the request).
 */
export function generationsOf(
  analysis: OperationAnalysis,
  variables: Record<string, unknown> | undefined,
): string[] | null {
  const names = new Set<string>();
  if (analysis.crossBrand) names.add(ANY_BRAND);
  for (const source of analysis.brands) {
    const slug = 'literal' in source ? source.literal : variables?.[source.variable];
    if (typeof slug !== 'string') return null;
    names.add(EVERY_BRAND);
    names.add(brandGeneration(slug));
  }
  if (names.size === 0) names.add(ANY_BRAND);
  return [...names].sort();
}

/**
 * The cache key: who asks (the caller's scope), what (the normalized
 * operation and its variables, keys sorted) and in which format. Apollo
 * answers `application/json` unless Accept names the GraphQL media type,
 * so only such Accept headers are told apart.
 */
export function cacheKey(parts: {
  scope: string;
  analysis: OperationAnalysis;
  variables: Record<string, unknown> | undefined;
  accept: string | undefined;
}): string {
  return createHash('sha256')
    .update(parts.scope)
    .update('\u0000')
    .update(parts.analysis.normalized)
    .update('\u0000')
    .update(canonicalJson(parts.variables ?? {}))
    .update('\u0000')
    .update(parts.accept?.includes('application/graphql-response+json') ? parts.accept : 'json')
    .digest('base64url');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` give one key. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A weak validator of the answer's content: the same whether it is sent
 * as is, gzipped or brotli-compressed (a strong ETag would have to differ
 * per encoding), which is all GET revalidation (If-None-Match) needs.
 */
export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}
