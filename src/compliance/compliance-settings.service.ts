import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { badInput } from '../common/domain-error';
import { type ComplianceSettingsRow, settingsOf } from './compliance-settings';
import { regulatableFields } from './regulated-fields';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** A brand's compliance settings: read by its people, changed by its admins. */
@Injectable()
export class ComplianceSettingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(actor: Actor): Promise<ComplianceSettingsRow> {
    const { brandId } = requireBrandPermission(actor, Permission.DraftRead);
    return (await settingsOf(this.db.manager, [brandId]))[0];
  }

  /** Settings of each brand, for per-request loaders. */
  readonly batchByBrand = (brandIds: readonly string[]) => settingsOf(this.db.manager, brandIds);

  async update(
    actor: Actor,
    change: Partial<ComplianceSettingsRow>,
  ): Promise<ComplianceSettingsRow> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    if (change.regulatedFields) {
      const known = new Set(regulatableFields());
      const unknown = change.regulatedFields.find((field) => !known.has(field));
      if (unknown !== undefined) {
        throw badInput(
          'regulatedFields',
          `"${unknown}" is not a field brands may regulate (${[...known].join(', ')})`,
        );
      }
    }
    return this.db.transaction(async (tx) => {
      const [before] = await settingsOf(tx, [brandId]);
      const after = { ...before, ...change };
      if (change.regulatedFields)
        after.regulatedFields = [...new Set(change.regulatedFields)].sort();
      await tx.query(
        `INSERT INTO compliance_settings (brand_id, medical_review_required, review_interval_months, regulated_fields)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (brand_id) DO UPDATE
           SET medical_review_required = $2, review_interval_months = $3, regulated_fields = $4,
               updated_at = now()`,
        [brandId, after.medicalReviewRequired, after.reviewIntervalMonths, after.regulatedFields],
      );
      await this.audit.record(
        {
          brandId,
          actor,
          action: 'UPDATE_COMPLIANCE_SETTINGS',
          targetType: 'BRAND',
          targetId: brandId,
          details: { before, after },
        },
        tx,
      );
      return after;
    });
  }
}
