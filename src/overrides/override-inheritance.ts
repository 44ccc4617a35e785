import type { Level } from '../access/level';
import {
  FieldPolicy,
  OverrideLayer,
  resolveFields,
  sameValue,
} from '../content-resolution/resolve-fields';

/** What a region or clinic shows for a field when it sets nothing itself. */
export interface InheritedValue {
  value: unknown;
  /** Where it comes from: the brand, or (for a clinic) its region. */
  from: Level;
}

/**
 * The value a scope inherits: for a clinic, its region's override (pass it in
 * `regionLayers`), else the brand's; for a region, the brand's (pass no
 * layers). Resolved exactly as delivery resolves it.
 */
export function inheritedValue(
  field: string,
  brandValue: unknown,
  regionLayers: readonly OverrideLayer[],
  policy: FieldPolicy,
): InheritedValue {
  const { values, sources } = resolveFields(
    { [field]: brandValue },
    [field],
    regionLayers.filter((layer) => layer.scope === 'REGION'),
    { forClinic: true, policies: new Map([[field, policy]]) },
  );
  return { value: values[field], from: sources[0].scope };
}

/**
 * Would storing `value` at the scope only repeat what it inherits? Then no
 * override is stored: an editor (or an autosave) sending back the inherited
 * value must not pin the scope to today's brand copy. One exception: under
 * CLINIC_REQUIRED a local value equal to the brand's is a deliberate local
 * answer (it is what satisfies the requirement), so it is kept.
 */
export function repeatsInherited(
  value: unknown,
  inherited: InheritedValue,
  policy: FieldPolicy,
): boolean {
  if (!sameValue(value, inherited.value)) return false;
  return !(policy === 'CLINIC_REQUIRED' && inherited.from === 'BRAND');
}
