import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLNamedType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_LIST_BOUND, listBound, PAGE_SIZE_LIMITS } from './list-bounds';

/**
 * What one appearance of a field costs beyond 1, where serving it does
 * work per item: JSON-LD and Markdown → HTML are computed, and FAQs and
 * treatments are resolved through the brand, region and clinic layers.
 * Calibrated on the scale seed (npm run bench's worstQuery): a unit is
 * roughly the time of one plain field. Fields not named here get their
 * weight from their name (fieldWeight below), so a field added later
 * cannot cost 1 by oversight.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  'Clinic.jsonLd': 60,
  'Provider.jsonLd': 120,
  'Treatment.jsonLd': 600,
  'FaqConnection.jsonLd': 600,
  'TreatmentSection.html': 30,
};
/** Per object of these types (their resolution), wherever it appears. */
export const TYPE_WEIGHTS: Readonly<Record<string, number>> = { Faq: 90, Treatment: 120 };

/**
 * Fields of which an object holds one at most, the others null: a change
 * in the partner feed carries the one item it is about. Asked for together
 * they cost as the dearest of them, not their sum (a full sync page would
 * otherwise count four items per change).
 */
export const EXCLUSIVE_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  ContentChange: new Set(['clinic', 'treatment', 'faq', 'priceItem']),
};

/** Markdown parsed and sanitized into HTML (any field named `…Html`). */
export const HTML_WEIGHT = 30;
/** A JSON-LD document not calibrated in FIELD_WEIGHTS: as the dearest one. */
export const JSON_LD_WEIGHT = 600;
/**
 * `node(id:)` and each item of `nodes(ids:)` resolve an object whose type the
 * selection only narrows in fragments: they weigh as the dearest type.
 */
const REFETCH_WEIGHT = Math.max(...Object.values(TYPE_WEIGHTS));
const REFETCH_FIELDS = new Set(['Query.node', 'Query.nodes']);

/**
 * The weight of one appearance of `typeName.fieldName` returning `namedType`:
 * FIELD_WEIGHTS, else by name: `jsonLdScript` is its type's `jsonLd` built
 * and then serialized (the same work), `jsonLd` and `…Html` are computed per
 * item, `node`/`nodes` resolve any object; else the returned type's weight.
 */
export function fieldWeight(typeName: string, fieldName: string, namedType: string): number {
  const explicit = FIELD_WEIGHTS[`${typeName}.${fieldName}`];
  if (explicit !== undefined) return explicit;
  if (fieldName === 'jsonLdScript') return fieldWeight(typeName, 'jsonLd', namedType);
  if (fieldName === 'jsonLd') return JSON_LD_WEIGHT;
  if (fieldName.endsWith('Html')) return HTML_WEIGHT;
  if (REFETCH_FIELDS.has(`${typeName}.${fieldName}`)) return REFETCH_WEIGHT;
  return TYPE_WEIGHTS[namedType] ?? 1;
}

/**
 * Refuses, before execution, a document whose answer could hold more than
 * `maxCost` values, or whose path enters the same list field twice.
 *
 * Cost: every field counts 1 (or its weight, above) for each time it can
 * appear in the answer, i.e. times the bound of every list above it
 * (list-bounds.ts), a page's items (`edges`) times its `first`. So the cost is
 * an upper bound of the answer's size and work, whatever the data.
 *
 * Re-entry: `providers { clinics { providers … } }` multiplies the same
 * relation again and again and no page needs it, so a path may enter each
 * list field (e.g. `Clinic.providers`) once.
 */
export function queryCostRule(maxCost: number): ValidationRule {
  return (context) => {
    const schema = context.getSchema();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.set(definition.name.value, definition);
      }
    }

    // Each field visited adds at least 1 to the cost, so counting visits
    // stops fragments spread over and over from making this rule the DoS.
    let visits = 0;
    const reportCost = (cost: number | string) =>
      context.reportError(
        new GraphQLError(
          `Query Cost limit of ${maxCost} exceeded, found ${cost}: ask for fewer items, ` +
            'smaller pages or fewer nested lists.',
        ),
      );

    /** Cost of one selection set on `type`; null once an error is reported. */
    const costOf = (
      selectionSet: SelectionSetNode,
      type: GraphQLNamedType,
      path: string[],
      listsOnPath: Set<string>,
      fragmentsOnPath: Set<string>,
      pageSize?: number,
    ): number | null => {
      let total = 0;
      const exclusive = EXCLUSIVE_FIELDS[type.name];
      /** The dearest of the exclusive fields asked for directly here. */
      let dearestExclusive = 0;
      for (const selection of selectionSet.selections) {
        let cost: number | null;
        if (selection.kind === Kind.FIELD) {
          cost = fieldCost(selection, type, path, listsOnPath, fragmentsOnPath, pageSize);
          if (cost !== null && exclusive?.has(selection.name.value)) {
            dearestExclusive = Math.max(dearestExclusive, cost);
            continue;
          }
        } else {
          const fragment =
            selection.kind === Kind.INLINE_FRAGMENT
              ? selection
              : fragments.get(selection.name.value);
          // Unknown or cyclic fragments are reported by graphql's own rules.
          if (!fragment) continue;
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            if (fragmentsOnPath.has(selection.name.value)) continue;
          }
          const condition = fragment.typeCondition
            ? schema.getType(fragment.typeCondition.name.value)
            : type;
          if (!condition) continue;
          const spread =
            selection.kind === Kind.FRAGMENT_SPREAD
              ? new Set([...fragmentsOnPath, selection.name.value])
              : fragmentsOnPath;
          cost = costOf(fragment.selectionSet, condition, path, listsOnPath, spread, pageSize);
        }
        if (cost === null) return null;
        total += cost;
      }
      return total + dearestExclusive;
    };

    const fieldCost = (
      node: FieldNode,
      parent: GraphQLNamedType,
      path: string[],
      listsOnPath: Set<string>,
      fragmentsOnPath: Set<string>,
      pageSize: number | undefined,
    ): number | null => {
      visits += 1;
      if (visits > maxCost) {
        reportCost(`more than ${maxCost}`);
        return null;
      }
      if (!isObjectType(parent) && !isInterfaceType(parent)) return 1;
      const field = parent.getFields()[node.name.value];
      // Unknown fields (and __typename) are left to graphql's own rules.
      if (!field) return 1;
      const coordinate = `${parent.name}.${field.name}`;
      const fieldPath = [...path, node.alias?.value ?? node.name.value];
      let lists = listsOnPath;
      let times = 1;
      /** Set on a paginated field, for the list of its page (`edges`) below. */
      let page: number | undefined;
      if (isListType(getNullableType(field.type))) {
        if (listsOnPath.has(coordinate)) {
          context.reportError(
            new GraphQLError(
              `The path ${fieldPath.join('.')} enters the list ${coordinate} a second time; ` +
                'ask for each list once per path.',
              { nodes: node },
            ),
          );
          return null;
        }
        lists = new Set([...listsOnPath, coordinate]);
        const bound = listBound(coordinate);
        times = bound === 'page' ? (pageSize ?? DEFAULT_LIST_BOUND) : bound;
      } else if (PAGE_SIZE_LIMITS[coordinate] !== undefined) {
        page = pageSizeOf(node, coordinate, field.args);
      }
      const namedType = getNamedType(field.type);
      const weight = fieldWeight(parent.name, field.name, namedType.name);
      if (!node.selectionSet) return times * weight;
      const inner = costOf(node.selectionSet, namedType, fieldPath, lists, fragmentsOnPath, page);
      return inner === null ? null : times * (weight + inner);
    };

    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        const cost = costOf(operation.selectionSet, root, [], new Set(), new Set());
        if (cost !== null && cost > maxCost) reportCost(cost);
      },
    };
  };
}

/** The literal `first`, else its default, else (a variable) the largest allowed. */
function pageSizeOf(
  node: FieldNode,
  coordinate: string,
  args: readonly { name: string; defaultValue?: unknown }[],
): number {
  const limit = PAGE_SIZE_LIMITS[coordinate];
  const argument = node.arguments?.find((arg) => arg.name.value === 'first');
  if (argument?.value.kind === Kind.INT) {
    return Math.min(limit, Math.max(1, Number(argument.value.value)));
  }
  if (!argument) {
    const fallback = args.find((arg) => arg.name === 'first')?.defaultValue;
    if (typeof fallback === 'number') return Math.min(limit, fallback);
  }
  return limit;
}
