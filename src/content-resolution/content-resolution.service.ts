import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrandsService } from '../brands/brands.service';
import { ClinicRow } from '../clinics/clinics.service';
import { Faq } from '../faqs/dtos/faq.object';
import { FaqRow, FaqsService } from '../faqs/faqs.service';
import { groupByKeys } from '../graphql/request-loaders';
import type { RequestLoaders } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { ContentScope, Treatment } from '../treatments/dtos/treatment.object';
import { TreatmentEntity } from '../treatments/treatment.entity';
import type { FieldPolicyKind } from './field-policy.entity';
import type { OverridableEntityType, OverrideEntity } from './override.entity';
import { resolveFaqList } from './resolve-faq-list';
import { FieldPolicy, OverrideLayer, ResolveOptions, resolveFields } from './resolve-fields';
import { renderTokensDeep, TokenContext } from './tokens';

/** Treatment fields that regions and clinics may override. */
export const TREATMENT_OVERRIDABLE_FIELDS = [
  'name',
  'aliases',
  'summary',
  'sections',
  'facts',
  'aftercare',
  'contraindications',
  'combinesWith',
  'disclaimer',
] as const;

type PolicyRow = {
  brandId: string;
  entityType: OverridableEntityType;
  field: string;
  policy: FieldPolicyKind;
};
type OverrideRow = Pick<
  OverrideEntity,
  'scope' | 'entityType' | 'entityId' | 'field' | 'value' | 'baseValue'
> & {
  forClinicId: string;
};

/**
 * Delivers content resolved for a clinic: loads what the pure rules need
 * (overrides visible to the clinic, the brand's field policies) through the
 * request's loaders, then applies resolve-fields / resolve-faq-list and
 * renders {{tokens}}. It never writes.
 */
@Injectable()
export class ContentResolutionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly brandsService: BrandsService,
    private readonly faqsService: FaqsService,
    private readonly sources: ContentSources,
  ) {}

  /** The overrides each clinic sees: its region's and its own. */
  readonly batchOverridesByClinic = async (clinicIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: OverrideRow[] = await this.db.query(
      `SELECT c.id AS "forClinicId", o.scope, o.entity_type AS "entityType",
              o.entity_id AS "entityId", o.field, o.value, o.base_value AS "baseValue"
         FROM ${from('clinics')} c
         JOIN ${from('overrides')} o ON o.clinic_id = c.id OR (o.region_id = c.region_id AND o.scope = 'REGION')
        WHERE c.id = ANY($1)`,
      [clinicIds],
    );
    return groupByKeys(clinicIds, rows, (row) => row.forClinicId);
  };

  /** Each brand's field policies. */
  readonly batchPoliciesByBrand = async (brandIds: readonly string[], mode: ReadMode) => {
    const from = this.sources.of(mode);
    const rows: PolicyRow[] = await this.db.query(
      `SELECT fp.brand_id AS "brandId", fp.entity_type AS "entityType", fp.field, fp.policy
         FROM ${from('field_policies')} fp
        WHERE fp.brand_id = ANY($1)`,
      [brandIds],
    );
    return groupByKeys(brandIds, rows, (row) => row.brandId);
  };

  /** The treatment as the clinic shows it (the brand version without one). */
  async resolveTreatment(
    entity: TreatmentEntity,
    clinic: ClinicRow | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<Treatment> {
    const [options, overrides, tokens] = await Promise.all([
      this.resolveOptions(entity.brandId, 'TREATMENT', clinic, mode, loaders),
      this.overridesFor(clinic, 'TREATMENT', mode, loaders),
      this.tokenContext(entity.brandId, clinic, mode, loaders),
    ]);
    const { values, sources } = resolveFields(
      pickFields(entity, TREATMENT_OVERRIDABLE_FIELDS),
      TREATMENT_OVERRIDABLE_FIELDS,
      overrides.get(entity.id) ?? [],
      options,
    );
    const rendered = renderTokensDeep(values, tokens);
    return {
      ...rendered,
      id: entity.id,
      slug: entity.slug,
      fieldSources: sources.map((source) => ({
        ...source,
        scope: source.scope as ContentScope,
      })),
      updatedAt: entity.updatedAt,
      brandId: entity.brandId,
      clinic,
      mode,
    };
  }

  /**
   * The FAQ list a clinic shows (brand FAQs with its hides, reorders and
   * answer overrides, plus its own FAQs), optionally about one treatment.
   */
  async resolveFaqs(
    brandId: string,
    clinic: ClinicRow | null,
    treatmentId: string | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<Faq[]> {
    const about = (faq: FaqRow) => !treatmentId || faq.treatmentIds.includes(treatmentId);
    const [brandFaqs, clinicFaqs, options, overrides, tokens] = await Promise.all([
      loaders.forMode(this.faqsService.batchBrandFaqsByBrand, mode).load(brandId),
      clinic ? loaders.forMode(this.faqsService.batchClinicFaqsByClinic, mode).load(clinic.id) : [],
      this.resolveOptions(brandId, 'FAQ', clinic, mode, loaders),
      this.overridesFor(clinic, 'FAQ', mode, loaders),
      this.tokenContext(brandId, clinic, mode, loaders),
    ]);
    return resolveFaqList(
      brandFaqs.filter(about),
      clinicFaqs.filter(about),
      overrides,
      options,
    ).map((resolved) =>
      this.faqsService.toFaq(
        resolved.faq,
        renderTokensDeep({ question: resolved.question, answer: resolved.answer }, tokens),
        clinic?.id ?? null,
        mode,
      ),
    );
  }

  private async resolveOptions(
    brandId: string,
    entityType: OverridableEntityType,
    clinic: ClinicRow | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<ResolveOptions> {
    const policies = await loaders.forMode(this.batchPoliciesByBrand, mode).load(brandId);
    return {
      forClinic: clinic !== null,
      policies: new Map<string, FieldPolicy>(
        policies
          .filter((row) => row.entityType === entityType)
          .map((row) => [row.field, row.policy]),
      ),
    };
  }

  /** The clinic's overrides of one entity type, by entity id. */
  private async overridesFor(
    clinic: ClinicRow | null,
    entityType: OverridableEntityType,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<Map<string, OverrideLayer[]>> {
    const byEntity = new Map<string, OverrideLayer[]>();
    if (!clinic) return byEntity;
    const rows = await loaders.forMode(this.batchOverridesByClinic, mode).load(clinic.id);
    for (const row of rows) {
      if (row.entityType !== entityType) continue;
      const layers = byEntity.get(row.entityId) ?? [];
      layers.push({
        scope: row.scope,
        field: row.field,
        value: row.value,
        baseValue: row.baseValue,
      });
      byEntity.set(row.entityId, layers);
    }
    return byEntity;
  }

  private async tokenContext(
    brandId: string,
    clinic: ClinicRow | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<TokenContext> {
    const brand = await loaders.forMode(this.brandsService.batchById, mode).load(brandId);
    return {
      brand: { name: brand?.name ?? '' },
      clinic: clinic && {
        name: clinic.name,
        city: clinic.city,
        phone: clinic.phone,
        email: clinic.email,
        addressLine1: clinic.addressLine1,
        addressRegion: clinic.addressRegion,
        postalCode: clinic.postalCode,
      },
    };
  }
}

function pickFields<T extends object, K extends keyof T & string>(
  source: T,
  fields: readonly K[],
): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const field of fields) picked[field] = source[field];
  return picked;
}
