import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  type GraphQLNamedType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import { MAX_COST } from './query-limits';
import {
  fieldWeight,
  HTML_WEIGHT,
  JSON_LD_WEIGHT,
  queryCostRule,
  TYPE_WEIGHTS,
} from './query-cost';
import { SCHEMA_FILE } from './schema-file';

/** The delivery schema as committed (schema-file.spec.ts keeps it equal to the code's). */
const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

const SMALL = 10;

/** The cost queryCostRule finds for `query`, a document of fewer than SMALL fields. */
function costOf(query: string): number {
  const messages = (limit: number) =>
    validate(schema, parse(query), [queryCostRule(limit)]).map((error) => error.message);
  // Over the limit, the rule reports the cost it found …
  const found = /found (\d+)/.exec(messages(SMALL).join('\n'));
  if (found) return Number(found[1]);
  // … within it, the cost is the smallest limit that passes.
  for (let limit = 1; limit <= SMALL; limit += 1) {
    if (messages(limit).length === 0) return limit;
  }
  throw new Error(`no cost found for ${query}`);
}

/** The cost of a document of any size: the smallest limit it passes (a binary search). */
function largeCostOf(query: string): number {
  const document = parse(query);
  const passes = (limit: number) => validate(schema, document, [queryCostRule(limit)]).length === 0;
  let [low, high] = [1, 10_000_000];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (passes(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

const CLINIC = `clinic(brand: "b", slug: "c")`;

describe('query cost: weights of fields that do work per item', () => {
  it('weighs jsonLdScript as the jsonLd it serializes, on every type that has one', () => {
    for (const type of ['Clinic', 'Provider', 'Treatment', 'FaqConnection']) {
      expect(fieldWeight(type, 'jsonLdScript', 'String')).toBe(
        fieldWeight(type, 'jsonLd', 'JSONObject'),
      );
      expect(fieldWeight(type, 'jsonLdScript', 'String')).toBeGreaterThan(1);
    }
    expect(costOf(`{ ${CLINIC} { jsonLdScript } }`)).toBe(costOf(`{ ${CLINIC} { jsonLd } }`));
    expect(costOf(`{ faqs(brand: "b", first: 10) { jsonLdScript } }`)).toBe(
      costOf(`{ faqs(brand: "b", first: 10) { jsonLd } }`),
    );
  });

  it('weighs every …Html field (Markdown parsed and sanitized) alike, the new ones included', () => {
    for (const [type, field] of [
      ['Treatment', 'summaryHtml'],
      ['Treatment', 'disclaimerHtml'],
      ['Faq', 'answerHtml'],
      ['Provider', 'bioHtml'],
    ]) {
      expect(fieldWeight(type, field, 'String')).toBe(HTML_WEIGHT);
    }
    const treatment = `${CLINIC} { treatment(slug: "t") { name } }`;
    const withHtml = `${CLINIC} { treatment(slug: "t") { name summaryHtml disclaimerHtml } }`;
    expect(costOf(`{ ${withHtml} }`) - costOf(`{ ${treatment} }`)).toBe(2 * HTML_WEIGHT);
  });

  it('gives an uncalibrated jsonLd the dearest weight, not 1', () => {
    expect(fieldWeight('SomeNewType', 'jsonLd', 'JSONObject')).toBe(JSON_LD_WEIGHT);
    expect(fieldWeight('SomeNewType', 'jsonLdScript', 'String')).toBe(JSON_LD_WEIGHT);
  });

  it('weighs node and each item of nodes as the dearest object they may resolve', () => {
    const dearest = Math.max(...Object.values(TYPE_WEIGHTS));
    expect(fieldWeight('Query', 'node', 'Node')).toBe(dearest);
    expect(fieldWeight('Query', 'nodes', 'Node')).toBe(dearest);
    // One object (weight + its id) against a plain field of the root.
    expect(costOf(`{ node(id: "x") { id } }`)).toBe(dearest + 1);
    // nodes(ids:) holds at most 100 ids, each resolved.
    expect(costOf(`{ nodes(ids: ["x"]) { id } }`)).toBe(100 * (dearest + 1));
  });

  it('leaves plain fields at 1', () => {
    expect(fieldWeight('Clinic', 'name', 'String')).toBe(1);
    expect(costOf(`{ ${CLINIC} { name slug } }`)).toBe(3);
  });

  it('counts a partner change’s one item as the dearest of those asked for, so a full sync page fits', () => {
    /** Every field of `type`, objects' fields included (the document a partner copying everything sends). */
    const everything = (type: GraphQLNamedType): string =>
      isObjectType(type)
        ? `{ ${Object.values(type.getFields())
            .map((field) => {
              const inner = getNamedType(field.type);
              return isObjectType(inner) ? `${field.name} ${everything(inner)}` : field.name;
            })
            .join(' ')} }`
        : '';
    const item = (field: string, type: string) => `${field} ${everything(schema.getType(type)!)}`;
    const items = [
      item('clinic', 'PartnerClinic'),
      item('treatment', 'PartnerTreatment'),
      item('faq', 'PartnerFaq'),
      item('priceItem', 'PartnerPriceItem'),
    ];
    const page = (selected: string[]) =>
      largeCostOf(`{ contentChanges(brand: "b", first: 500) {
        endCursor hasMore epoch changes { id type operation version sequence ${selected.join(' ')} }
      } }`);
    const full = page(items);
    expect(full).toBe(Math.max(...items.map((one) => page([one]))));
    expect(full).toBeLessThanOrEqual(MAX_COST);
  });

  it('fits a full page of scheduled publications with their items (the old unpaginated list did not)', () => {
    const schedules = (args: string) =>
      largeCostOf(`query($first: Int) { scheduledPublications${args} {
        totalCount pageInfo { endCursor } edges { cursor node { id status items { type id version } } }
      } }`);
    // A variable `first` counts at the largest page the field accepts.
    expect(schedules('(first: 100)')).toBe(schedules('(first: $first)'));
    expect(schedules('(first: 100)')).toBeLessThanOrEqual(MAX_COST / 1.5);
    expect(schedules('')).toBeLessThan(schedules('(first: 100)') / 4);
  });
});
