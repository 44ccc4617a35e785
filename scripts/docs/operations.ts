import {
  type GraphQLArgument,
  type GraphQLField,
  GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
} from 'graphql';
import {
  type AuthorizationRule,
  MUTATION_RULES,
  PUBLICATION_STATUS_RULES,
  QUERY_RULES,
} from '../../src/access/authorization-rules';
import { LIST_BOUNDS, PAGE_SIZE_LIMITS } from '../../src/graphql/list-bounds';
import {
  MAX_ALIASES,
  MAX_COST,
  MAX_DEPTH,
  MAX_DIRECTIVES,
  MAX_TOKENS,
} from '../../src/graphql/query-limits';
import { anchor, cell, GENERATED_NOTE, page, table } from './markdown';
import type { ValidationRules } from './validation-rules';

/**
 * docs/reference/operations.md: every query and mutation of schema.gql with
 * its description, arguments (and the validation rules of their input
 * types), list bounds, page sizes and who may call it.
 */
export function operationsPage(schema: GraphQLSchema, rules: ValidationRules): string {
  const inputsUsed = new Set<string>();
  const section = (root: 'Query' | 'Mutation') => {
    const type = root === 'Query' ? schema.getQueryType() : schema.getMutationType();
    if (!type) return '';
    const fields = Object.values(type.getFields()).sort((a, b) => a.name.localeCompare(b.name));
    return fields.map((field) => operation(root, field, rules, inputsUsed)).join('\n\n');
  };
  const queries = section('Query');
  const mutations = section('Mutation');
  return page(
    GENERATED_NOTE,
    '# Operations reference',
    'Every query and mutation of the API, generated from `schema.gql`, the validation rules of ' +
      'the input classes (class-validator), `src/graphql/list-bounds.ts`, ' +
      '`src/graphql/query-limits.ts` and the authorization rules ' +
      '(`src/access/authorization-rules.ts`, proven by `test/authorization-matrix.spec.ts`). ' +
      'Who may call what, caller by caller and place by place: [authorization.md](authorization.md). ' +
      'What each content type holds: [content-types.md](content-types.md). Worked requests: ' +
      '[../editing.md](../editing.md).',
    '## Limits on every document',
    table(
      ['Limit', 'Value', 'Refused with'],
      [
        ['Depth', String(MAX_DEPTH), '400 `GRAPHQL_VALIDATION_FAILED`'],
        ['Aliases', String(MAX_ALIASES), '400 `GRAPHQL_VALIDATION_FAILED`'],
        ['Directives', String(MAX_DIRECTIVES), '400 `GRAPHQL_VALIDATION_FAILED`'],
        ['Tokens', String(MAX_TOKENS), '400 `GRAPHQL_PARSE_FAILED`'],
        [
          'Cost (every field × the bounds of the lists above it)',
          MAX_COST.toLocaleString('en-US'),
          '400 `GRAPHQL_VALIDATION_FAILED`',
        ],
      ],
    ),
    'Lists longer than their bound are cut to it; the bounds of every list field are in ' +
      '[limits.md](limits.md).',
    '## Queries',
    queries,
    '## Mutations',
    mutations,
    '## Input types',
    'The fields of every input type an operation takes, with the rules the validation pipe ' +
      'checks (a broken rule answers `BAD_USER_INPUT` naming the field). Required-ness and ' +
      'enums are said by the types themselves.',
    inputTypes(schema, inputsUsed, rules),
  );
}

function typeLink(type: GraphQLArgument['type'] | GraphQLField<unknown, unknown>['type']): string {
  const named = getNamedType(type);
  const text = `\`${String(type)}\``;
  return isInputObjectType(named) ? `[${text}](#${anchor(named.name)})` : text;
}

function whoMayCall(root: string, name: string): string[] {
  const found: [string, AuthorizationRule][] = [];
  const direct = root === 'Query' ? QUERY_RULES[name] : MUTATION_RULES[name];
  if (direct) found.push(['', direct]);
  if (root === 'Mutation') {
    for (const [label, rule] of Object.entries(PUBLICATION_STATUS_RULES)) {
      if (rule.operation === name) found.push([label.replace(`${name} `, ''), rule]);
    }
  }
  return found.map(
    ([label, rule]) =>
      `${label ? `${label}: ` : ''}${rule.who.says}${rule.note ? ` ${rule.note}` : ''}`,
  );
}

function operation(
  root: 'Query' | 'Mutation',
  field: GraphQLField<unknown, unknown>,
  rules: ValidationRules,
  inputsUsed: Set<string>,
): string {
  const coordinate = `${root}.${field.name}`;
  const argRules = rules.args.get(coordinate);
  const args = field.args.map((arg) => {
    const named = getNamedType(arg.type);
    if (isInputObjectType(named)) inputsUsed.add(named.name);
    return [
      `\`${arg.name}\``,
      typeLink(arg.type),
      `${arg.description ?? ''}${arg.defaultValue !== undefined ? ` Default: \`${JSON.stringify(arg.defaultValue)}\`.` : ''}`,
      (argRules?.get(arg.name) ?? []).join(', '),
    ];
  });
  const bound = LIST_BOUNDS[coordinate];
  const facts = [
    `Returns ${typeLink(field.type)}.`,
    bound === 'page' ? 'A page: its size is its `first` argument.' : undefined,
    typeof bound === 'number' ? `At most ${bound} items.` : undefined,
    PAGE_SIZE_LIMITS[coordinate] ? `\`first\` at most ${PAGE_SIZE_LIMITS[coordinate]}.` : undefined,
    field.deprecationReason ? `Deprecated: ${field.deprecationReason}` : undefined,
  ].filter(Boolean);
  const who = whoMayCall(root, field.name);
  return [
    `### ${field.name}`,
    '',
    field.description ?? '',
    '',
    facts.join(' '),
    ...(who.length ? ['', `**Who may call it:** ${who.join(' ')}`] : []),
    ...(args.length ? ['', table(['Argument', 'Type', 'Description', 'Rules'], args)] : []),
  ].join('\n');
}

/** The input types the operations take, and the input types those hold, by name. */
function inputTypes(schema: GraphQLSchema, roots: Set<string>, rules: ValidationRules): string {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const type = schema.getType(name) as GraphQLNamedType;
    if (!(type instanceof GraphQLInputObjectType)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (isInputObjectType(named)) queue.push(named.name);
    }
  }
  return [...seen]
    .sort()
    .map((name) => {
      const type = schema.getType(name) as GraphQLInputObjectType;
      const fieldRules = rules.inputs.get(name);
      const rows = Object.values(type.getFields()).map((field) => [
        `\`${field.name}\``,
        typeLink(field.type),
        cell(field.description),
        (fieldRules?.get(field.name) ?? []).join(', '),
      ]);
      return [
        `### ${name}`,
        '',
        type.description ?? '',
        '',
        table(['Field', 'Type', 'Description', 'Rules'], rows),
      ].join('\n');
    })
    .join('\n\n');
}
