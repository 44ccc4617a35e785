import { TREATMENT_OVERRIDABLE_FIELDS } from '../content-resolution/content-resolution.service';
import { CONTENT_TYPE_DEFS } from '../editing/content-types';
import type { SourceOf } from '../read-mode/content-sources';

/**
 * SQL shared by the drift report and the field policy impact, so both count
 * exactly what delivery's resolve-fields reports per clinic page.
 */

/** jsonb equality as resolve-fields' sameValue judges it: null and an absent key alike. */
export function sameJsonSql(a: string, b: string): string {
  return `jsonb_strip_nulls(coalesce(${a}, 'null'::jsonb)) = jsonb_strip_nulls(coalesce(${b}, 'null'::jsonb))`;
}

/** A local value that does not satisfy CLINIC_REQUIRED (resolve-fields' isBlank). */
export function isBlankJsonSql(value: string): string {
  return `(${value} IS NULL OR ${value} = 'null'::jsonb
           OR (jsonb_typeof(${value}) = 'string' AND ${value} #>> '{}' ~ '^\\s*$'))`;
}

/**
 * One row per treatment of the brand and overridable field: the brand's
 * value as jsonb (`treatment_id, treatment_slug, treatment_name, field,
 * brand_value`). `$1` is the brand id.
 */
export function treatmentBrandValuesSql(from: SourceOf): string {
  const pairs = TREATMENT_OVERRIDABLE_FIELDS.map(
    (field) => `'${field}', to_jsonb(t.${CONTENT_TYPE_DEFS.TREATMENT.columns[field].column})`,
  ).join(', ');
  return `SELECT t.id AS treatment_id, t.slug AS treatment_slug, t.name AS treatment_name,
                 v.key AS field, v.value AS brand_value
            FROM ${from('treatments')} t
           CROSS JOIN LATERAL jsonb_each(jsonb_build_object(${pairs})) v
           WHERE t.brand_id = $1`;
}

/**
 * True when neither the clinic (`clinic`: an alias with id and region_id)
 * nor its region sets a non-blank value of the treatment's field: what a
 * CLINIC_REQUIRED field reports as missing.
 */
export function lacksLocalValueSql(
  from: SourceOf,
  clinic: string,
  treatmentId: string,
  field: string,
): string {
  return `NOT EXISTS (
            SELECT 1 FROM ${from('overrides')} lo
             WHERE lo.entity_type = 'TREATMENT' AND lo.entity_id = ${treatmentId} AND lo.field = ${field}
               AND coalesce(lo.clinic_id, lo.region_id) IN (${clinic}.id, ${clinic}.region_id)
               AND NOT ${isBlankJsonSql('lo.value')})`;
}
