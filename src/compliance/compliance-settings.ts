import type { EntityManager } from 'typeorm';
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

/** The settings of each brand, in the order asked (one statement). */
export async function settingsOf(
  db: EntityManager,
  brandIds: readonly string[],
): Promise<ComplianceSettingsRow[]> {
  const rows: (ComplianceSettingsRow & { brandId: string })[] = await db.query(
    `SELECT brand_id AS "brandId", medical_review_required AS "medicalReviewRequired",
            review_interval_months AS "reviewIntervalMonths", regulated_fields AS "regulatedFields"
       FROM compliance_settings WHERE brand_id = ANY($1::uuid[])`,
    [brandIds],
  );
  return brandIds.map((brandId) => {
    const row = rows.find((candidate) => candidate.brandId === brandId);
    if (!row)
      return { ...DEFAULT_SETTINGS, regulatedFields: [...DEFAULT_SETTINGS.regulatedFields] };
    const { brandId: _brand, ...settings } = row;
    return settings;
  });
}
