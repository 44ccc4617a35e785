import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { badInput } from '../common/domain-error';
import type { FieldPolicyKind } from '../overrides/field-policy.entity';
import {
  isOverridableField,
  OverridableType,
  overridableFields,
} from '../overrides/override-values';
import { ContentSources } from '../read-mode/content-sources';
import { previewOf } from '../read-mode/read-mode';
import { lacksLocalValueSql, localValuesSql } from './drift-sql';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** What setting a field's policy would do, counted on the brand's working copy. */
export interface FieldPolicyImpact {
  entityType: OverridableType;
  field: string;
  currentPolicy: FieldPolicyKind;
  proposedPolicy: FieldPolicyKind;
  clinicOverrides: number;
  regionOverrides: number;
  /** Overrides delivery would stop showing (the field becomes LOCKED). */
  hiddenClinicOverrides: number;
  hiddenRegionOverrides: number;
  /** Overrides delivery would show again (the field is LOCKED today). */
  revealedClinicOverrides: number;
  revealedRegionOverrides: number;
  /** Under the proposed policy: clinics missing a value, and clinic × treatment pairs. */
  clinicsMissingValue: number | null;
  pagesMissingValue: number | null;
  /** Missing values reported today that the change would stop reporting. */
  clinicsNoLongerMissing: number | null;
}

interface ImpactRow {
  currentPolicy: FieldPolicyKind | null;
  clinicOverrides: string;
  regionOverrides: string;
  clinicsMissing: string | null;
  pagesMissing: string | null;
}

/**
 * The effect of a field policy change on existing overrides, before it is
 * saved: one statement counts the field's overrides (drafts included) and,
 * for a treatment field, the clinics that offer a treatment without a
 * non-blank local value (what CLINIC_REQUIRED reports missing). The policy
 * in force is the published one (what delivery applies).
 */
@Injectable()
export class FieldPolicyImpactService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sources: ContentSources,
  ) {}

  async impact(
    actor: Actor,
    entityType: OverridableType,
    field: string,
    proposedPolicy: FieldPolicyKind,
  ): Promise<FieldPolicyImpact> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandWideEdit);
    if (!isOverridableField(entityType, field)) {
      throw badInput(
        'field',
        `"${field}" is not an overridable field of ${entityType} (${overridableFields(entityType).join(', ')})`,
      );
    }
    const from = this.sources.of(previewOf(brandId));
    // Missing values are what resolved treatment pages report (FAQ fields have none),
    // counted only when the change is to or from CLINIC_REQUIRED (a one-time filter).
    const missing =
      entityType === 'TREATMENT'
        ? `SELECT count(DISTINCT c.id) AS clinics, count(*) AS pages
             FROM ${from('clinics')} c
             JOIN ${from('clinic_treatments')} ct ON ct.clinic_id = c.id
            WHERE 'CLINIC_REQUIRED' IN ($4, (SELECT policy FROM current_policy))
              AND c.brand_id = $1 AND ${lacksLocalValueSql('local_values', 'c', 'ct.treatment_id', '$3::text')}`
        : `SELECT NULL::bigint AS clinics, NULL::bigint AS pages WHERE $4::text IS NOT NULL`;
    const [row]: ImpactRow[] = await this.db.query(
      `WITH current_policy AS (
         SELECT fp.policy FROM field_policies fp
          WHERE fp.brand_id = $1 AND fp.entity_type = $2 AND fp.field = $3
            AND fp.publication_status = 'PUBLISHED'),
       field_overrides AS (
         SELECT o.scope FROM ${from('overrides')} o
          WHERE o.brand_id = $1 AND o.entity_type = $2 AND o.field = $3),
       local_values AS MATERIALIZED (${localValuesSql(from, 'lo.field = $3')}),
       missing AS (${missing})
       SELECT (SELECT policy FROM current_policy) AS "currentPolicy",
              (SELECT count(*) FROM field_overrides WHERE scope = 'CLINIC') AS "clinicOverrides",
              (SELECT count(*) FROM field_overrides WHERE scope = 'REGION') AS "regionOverrides",
              (SELECT clinics FROM missing) AS "clinicsMissing",
              (SELECT pages FROM missing) AS "pagesMissing"`,
      [brandId, entityType, field, proposedPolicy],
    );
    const currentPolicy = row.currentPolicy ?? 'INHERITABLE';
    const clinicOverrides = Number(row.clinicOverrides);
    const regionOverrides = Number(row.regionOverrides);
    const locks = proposedPolicy === 'LOCKED' && currentPolicy !== 'LOCKED';
    const unlocks = currentPolicy === 'LOCKED' && proposedPolicy !== 'LOCKED';
    const count = (value: string | null) => (value === null ? null : Number(value));
    const requires = (policy: FieldPolicyKind) => policy === 'CLINIC_REQUIRED';
    return {
      entityType,
      field,
      currentPolicy,
      proposedPolicy,
      clinicOverrides,
      regionOverrides,
      hiddenClinicOverrides: locks ? clinicOverrides : 0,
      hiddenRegionOverrides: locks ? regionOverrides : 0,
      revealedClinicOverrides: unlocks ? clinicOverrides : 0,
      revealedRegionOverrides: unlocks ? regionOverrides : 0,
      clinicsMissingValue: requires(proposedPolicy) ? count(row.clinicsMissing) : 0,
      pagesMissingValue: requires(proposedPolicy) ? count(row.pagesMissing) : 0,
      clinicsNoLongerMissing:
        requires(currentPolicy) && !requires(proposedPolicy) ? count(row.clinicsMissing) : 0,
    };
  }
}
