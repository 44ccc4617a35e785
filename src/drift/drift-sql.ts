import { TREATMENT_OVERRIDABLE_FIELDS } from '../treatments/treatment.content-type';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
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
 * The non-blank local values of treatment fields (`entity_id, field,
 * place_id`: the clinic's or region's id) that `fieldCondition` (over the
 * alias `lo`) selects. `$1` is the brand id. Materialize it, so the
 * missing-value checks below are hash lookups rather than a probe per clinic.
 */
export function localValuesSql(from: SourceOf, fieldCondition: string): string {
  return `SELECT lo.entity_id, lo.field, coalesce(lo.clinic_id, lo.region_id) AS place_id
            FROM ${from('overrides')} lo
           WHERE lo.brand_id = $1 AND lo.entity_type = 'TREATMENT' AND ${fieldCondition}
             AND NOT ${isBlankJsonSql('lo.value')}`;
}

/**
 * True when neither the clinic (`clinic`: an alias with id and region_id)
 * nor its region has a value of the treatment's field in `localValues` (a
 * relation of localValuesSql): what CLINIC_REQUIRED reports as missing.
 * NOT IN over a small set runs as a hashed subplan, one probe per clinic and
 * treatment, with no sort (place_id is never null, and a clinic without a
 * region is checked at the clinic only).
 */
export function lacksLocalValueSql(
  localValues: string,
  clinic: string,
  treatmentId: string,
  field: string,
): string {
  const none = (place: string) =>
    `(${treatmentId}, ${field}, ${place}) NOT IN (SELECT entity_id, field, place_id FROM ${localValues})`;
  return `${none(`${clinic}.id`)}
          AND (${clinic}.region_id IS NULL OR ${none(`${clinic}.region_id`)})`;
}
