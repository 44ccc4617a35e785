import type { EntityManager } from 'typeorm';
import { blockRulesSql } from './claim-rules.service';
import type { ClaimRule } from './lint-claims';
import { DEFAULT_REGULATED_FIELDS, type RegulatedField } from './regulated-fields';

/** A brand's compliance settings (compliance_settings; defaults without a row). */
export interface ComplianceSettingsRow {
  medicalReviewRequired: boolean;
  reviewIntervalMonths: number;
  regulatedFields: RegulatedField[];
}

export const DEFAULT_SETTINGS: ComplianceSettingsRow = {
  medicalReviewRequired: false,
  reviewIntervalMonths: 12,
  regulatedFields: [...DEFAULT_REGULATED_FIELDS],
};

const SETTINGS_COLUMNS = `medical_review_required AS "medicalReviewRequired",
  review_interval_months AS "reviewIntervalMonths", regulated_fields AS "regulatedFields"`;

/** The settings of each brand, in the order asked (one statement). */
export async function settingsOf(
  db: EntityManager,
  brandIds: readonly string[],
): Promise<ComplianceSettingsRow[]> {
  const rows: (ComplianceSettingsRow & { brandId: string })[] = await db.query(
    `SELECT brand_id AS "brandId", ${SETTINGS_COLUMNS}
       FROM compliance_settings WHERE brand_id = ANY($1::uuid[])`,
    [brandIds],
  );
  return brandIds.map((brandId) =>
    withDefaults(rows.find((candidate) => candidate.brandId === brandId)),
  );
}

/**
 * What the publish gate judges a changeset by: each brand's settings and
 * BLOCK claim rules, in the order asked, in one statement (a publish waits
 * for each round trip while the server serves the pages it changes).
 */
export async function gateRulesOf(
  db: EntityManager,
  brandIds: readonly string[],
): Promise<(ComplianceSettingsRow & { blockRules: ClaimRule[] })[]> {
  const rows: (ComplianceSettingsRow & { brandId: string | null; blockRules: ClaimRule[] })[] =
    await db.query(
      `SELECT s.brand_id AS "brandId", ${SETTINGS_COLUMNS}, ${blockRulesSql('b.id')} AS "blockRules"
         FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, i)
         LEFT JOIN compliance_settings s ON s.brand_id = b.id
        ORDER BY b.i`,
      [brandIds],
    );
  return rows.map(({ blockRules, ...row }) => ({
    ...withDefaults(row.brandId ? row : undefined),
    blockRules,
  }));
}

/** A brand's settings row as stored, or the defaults when it has none. */
function withDefaults(
  row: (ComplianceSettingsRow & { brandId: string | null }) | undefined,
): ComplianceSettingsRow {
  if (!row) return { ...DEFAULT_SETTINGS, regulatedFields: [...DEFAULT_SETTINGS.regulatedFields] };
  const { brandId: _brand, ...settings } = row;
  return settings;
}
