import {
  CALLER_NAMES,
  CALLERS,
  MUTATION_RULES,
  PLACE_NAMES,
  PUBLICATION_STATUS_RULES,
  QUERY_RULES,
} from '../../src/access/authorization-rules';
import { CONTENT_TYPE_DEFS } from '../../src/content-types/registry';
import { DEFAULT_LIST_BOUND, LIST_BOUNDS, PAGE_SIZE_LIMITS } from '../../src/graphql/list-bounds';
import { GENERATED_NOTE, page, table } from './markdown';

/** docs/reference/authorization.md: every rule, caller by caller, place by place. */
export function authorizationPage(): string {
  const rows = [
    ...Object.entries(MUTATION_RULES),
    ...Object.entries(PUBLICATION_STATUS_RULES),
    ...Object.entries(QUERY_RULES).map(([name, rule]) => [`${name} (query)`, rule] as const),
  ].flatMap(([name, rule]) =>
    rule.places.map((place) => [
      `\`${name.replace(/ .*/, '')}\`${name.includes(' ') ? name.replace(/^\S+/, '') : ''}`,
      PLACE_NAMES[place],
      ...CALLERS.map((caller) => (rule.who.allowed(caller, place) ? '✓' : '·')),
    ]),
  );
  return page(
    GENERATED_NOTE,
    '# Who may call what',
    'Generated from `src/access/authorization-rules.ts`, the rules ' +
      '`test/authorization-matrix.spec.ts` tries against the running API for every caller at ' +
      'every place: ✓ is allowed, · is refused (`UNAUTHENTICATED` for anonymous callers, ' +
      'otherwise `FORBIDDEN` or `NOT_FOUND`, without telling whether the target exists). ' +
      'Queries not listed here are delivery reads (public) or read only what the caller may ' +
      'edit; see [operations.md](operations.md).',
    '## Callers',
    table(
      ['Column', 'Caller'],
      CALLERS.map((caller) => [`\`${caller}\``, CALLER_NAMES[caller]]),
    ),
    '## Rules',
    table(['Operation', 'Target', ...CALLERS.map((caller) => `\`${caller}\``)], rows),
  );
}

/** docs/reference/content-types.md: the content-type registry. */
export function contentTypesPage(): string {
  const sections = Object.values(CONTENT_TYPE_DEFS).map((def) => {
    const level = /'(ADMIN|BRAND|REGION|CLINIC)' AS level/.exec(def.placementSql)?.[1];
    const facts = [
      `Table \`${def.table}\`.`,
      level ? `Sits at ${level} level.` : 'Sits where its region or clinic is.',
      def.statusByBrand ? 'Whether it is live is the brand’s call.' : undefined,
      def.validate ? 'Rules across rows are checked at save.' : undefined,
    ].filter(Boolean);
    const property = (name: string) => `\`${name}\``;
    const rows = Object.entries(def.columns).map(([name, column]) => [
      property(name),
      `\`${column.column}\`${column.cast ? ` (${column.cast})` : ''}`,
      [
        def.localFields?.includes(name) ? 'local (clinic editors may change it)' : '',
        def.brandOnlyFields?.includes(name) ? 'brand-wide editors only' : '',
        def.textFields?.includes(name) ? 'read by the claims linter' : '',
      ]
        .filter(Boolean)
        .join('; '),
    ]);
    const links = Object.entries(def.links ?? {}).map(([name, link]) => [
      property(name),
      `\`${link.table}\` (\`${link.ownColumn}\` → \`${link.otherColumn}\` of \`${link.otherTable}\`)`,
    ]);
    const fixed = Object.keys(def.fixedColumns ?? {}).map(property);
    return [
      `## ${def.type}`,
      '',
      facts.join(' '),
      '',
      table(['Property', 'Column', 'Notes'], rows),
      ...(links.length ? ['', table(['Link', 'Join table'], links)] : []),
      ...(fixed.length ? ['', `Set when created, never changed: ${fixed.join(', ')}.`] : []),
    ].join('\n');
  });
  return page(
    GENERATED_NOTE,
    '# Content types',
    'Generated from the content-type registry (`src/content-types/registry.ts`): what editors ' +
      'may write for each type, through `create…`/`update…` mutations, drafts, publishing and ' +
      'revisions. Every type also carries `version` and `updatedAt`.',
    ...sections,
  );
}

/** docs/reference/limits.md: the bound of every list field and page. */
export function limitsPage(): string {
  const rows = Object.entries(LIST_BOUNDS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([coordinate, bound]) => [
      `\`${coordinate}\``,
      bound === 'page' ? 'the page’s `first`' : String(bound),
    ]);
  return page(
    GENERATED_NOTE,
    '# List bounds',
    'Generated from `src/graphql/list-bounds.ts`. A list field returns at most its bound (a ' +
      'longer list is cut to it), and the query cost counts every list at its bound. A list ' +
      `field not named here is bounded at ${DEFAULT_LIST_BOUND}.`,
    table(['Field', 'Most items'], rows),
    '## Page sizes',
    table(
      ['Paginated field', 'Largest `first`'],
      Object.entries(PAGE_SIZE_LIMITS)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([coordinate, max]) => [`\`${coordinate}\``, String(max)]),
    ),
  );
}
