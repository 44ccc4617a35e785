/**
 * Layered resolution of overridable fields (DESIGN.md, "Layered resolution").
 * Pure: no I/O, never mutates its inputs, never writes an inherited value back.
 */

import type { Level, PlaceLevel } from '../access/level';

export type FieldPolicy = 'LOCKED' | 'INHERITABLE' | 'CLINIC_REQUIRED';

/** One override row, reduced to what resolution needs. */
export interface OverrideLayer {
  /** The `overrides.scope` column: the level the override applies at. */
  scope: PlaceLevel;
  field: string;
  value: unknown;
  /** The brand value the override was written against. */
  baseValue: unknown;
}

/** Provenance of one resolved field (exposed as `fieldSources`). */
export interface FieldSourceInfo {
  field: string;
  scope: Level;
  /** The brand changed the field after the winning override was written. */
  stale: boolean;
  /** A CLINIC_REQUIRED field that neither the clinic nor its region sets. */
  missing: boolean;
}

export interface ResolveOptions {
  /** false = the brand version: overrides are ignored and nothing is missing. */
  forClinic: boolean;
  /** Policy by field name; a field without a row is INHERITABLE. */
  policies: ReadonlyMap<string, FieldPolicy>;
}

/** Nearest scope first. */
const PRECEDENCE: readonly OverrideLayer['scope'][] = ['CLINIC', 'REGION'];

/**
 * Resolves the listed fields of one item. `brandValues[field]` is the brand
 * value; `overrides` are this item's overrides visible to the clinic (its
 * region's and its own). Fields not listed are copied from `brandValues`.
 * Override values are trusted to have the field's shape (checked at save time).
 */
export function resolveFields<T extends Record<string, unknown>>(
  brandValues: T,
  fields: readonly (keyof T & string)[],
  overrides: readonly OverrideLayer[],
  options: ResolveOptions,
): { values: T; sources: FieldSourceInfo[] } {
  const values: Record<string, unknown> = { ...brandValues };
  const sources = fields.map((field): FieldSourceInfo => {
    const policy = options.policies.get(field) ?? 'INHERITABLE';
    const brandSource = { field, scope: 'BRAND', stale: false } as const;
    if (!options.forClinic || policy === 'LOCKED') {
      return { ...brandSource, missing: false };
    }
    const winner = nearestOverride(overrides, field, policy);
    if (!winner) {
      return { ...brandSource, missing: policy === 'CLINIC_REQUIRED' };
    }
    values[field] = winner.value;
    const stale = !sameValue(winner.baseValue, brandValues[field]);
    return { field, scope: winner.scope, stale, missing: false };
  });
  return { values: values as T, sources };
}

function nearestOverride(
  overrides: readonly OverrideLayer[],
  field: string,
  policy: FieldPolicy,
): OverrideLayer | undefined {
  // Why: a blank local value would be exactly the "silently blank" required
  // field the policy exists to report, so it does not count as setting it.
  const counts = (o: OverrideLayer) =>
    o.field === field && !(policy === 'CLINIC_REQUIRED' && isBlank(o.value));
  for (const scope of PRECEDENCE) {
    // With duplicates at one scope (callers should not send them), the first wins.
    const found = overrides.find((o) => o.scope === scope && counts(o));
    if (found) return found;
  }
  return undefined;
}

function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * Deep structural equality of JSON-like values, as jsonb compares them: key
 * order is irrelevant, array order matters, and null, undefined and an absent
 * key are all the same "no value".
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameValue(ra[k], rb[k]));
}
