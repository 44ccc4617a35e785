import { createHash } from 'node:crypto';
import { sameValue } from '../content-resolution/resolve-fields';
import { CONTENT_TYPE_DEFS, type ContentType } from '../content-types/registry';

/**
 * A regulated (clinical) field: "<TYPE>.<property>" of a brand item. It is
 * regulated at every level: the brand's value, and a region's or clinic's
 * override of it.
 */
export type RegulatedField = string;

/** Types whose fields a brand may declare regulated (and that overrides target). */
export const REGULATABLE_TYPES = ['TREATMENT', 'FAQ', 'PROVIDER'] as const;

/** The default list: what a med-spa page says about treatment and who performs it. */
export const DEFAULT_REGULATED_FIELDS: readonly RegulatedField[] = [
  'TREATMENT.sections',
  'TREATMENT.facts',
  'TREATMENT.aftercare',
  'TREATMENT.contraindications',
  'TREATMENT.combinesWith',
  'TREATMENT.disclaimer',
  'FAQ.answer',
  'PROVIDER.credentials',
];

/** Every field a brand may name: the editable properties of the regulatable types. */
export function regulatableFields(): RegulatedField[] {
  return REGULATABLE_TYPES.flatMap((type) => {
    const def = CONTENT_TYPE_DEFS[type];
    return [...Object.keys(def.columns), ...Object.keys(def.links ?? {})].map(
      (property) => `${type}.${property}`,
    );
  });
}

/** What the compliance checks need of an item (an ItemView fits). */
export interface ReviewableItem {
  type: ContentType;
  id: string;
  status: string;
  pendingDelete: boolean;
  values: Record<string, unknown>;
  publishedValues: Record<string, unknown>;
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * The regulated fields an item's draft would change on publish: every
 * regulated property it changes (or, for an item not live yet, sets). An
 * override counts under the field it overrides; an FAQ answer only when the
 * FAQ is about a treatment. A staged deletion changes nothing that needs
 * review (it falls back to content already live or removes content).
 */
export function regulatedChanges(
  item: ReviewableItem,
  regulated: readonly RegulatedField[],
): RegulatedField[] {
  if (item.pendingDelete) return [];
  const live = item.status === 'PUBLISHED';
  const changes = (property: string) =>
    live
      ? !sameValue(item.values[property], item.publishedValues[property])
      : !isEmpty(item.values[property]);
  if (item.type === 'OVERRIDE') {
    const field = `${String(item.values.entityType)}.${String(item.values.field)}`;
    return regulated.includes(field) && changes('value') ? [field] : [];
  }
  const def = CONTENT_TYPE_DEFS[item.type];
  return [...Object.keys(def.columns), ...Object.keys(def.links ?? {})]
    .filter((property) => regulated.includes(`${item.type}.${property}`))
    .filter(
      (property) =>
        item.type !== 'FAQ' ||
        property !== 'answer' ||
        !isEmpty(item.values.treatmentIds) ||
        !isEmpty(item.publishedValues.treatmentIds),
    )
    .filter(changes)
    .map((property) => `${item.type}.${property}`);
}

/** JSON with object keys sorted, so equal content always hashes alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The hash an approval binds to: the item's whole working copy (published
 * values with the draft applied). Any later save changes it, so it voids
 * the approval; publishing the approved draft leaves it as it was.
 */
export function contentHash(item: Pick<ReviewableItem, 'type' | 'id' | 'values'>): string {
  return createHash('sha256')
    .update(canonical({ type: item.type, id: item.id, values: item.values }))
    .digest('hex');
}
