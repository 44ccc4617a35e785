import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { BrandsService } from '../brands/brands.service';
import { ClinicRow } from '../clinics/clinics.service';
import { Faq } from '../faqs/dtos/faq.object';
import { FaqRow, faqRowsFromJson, faqRowsJson, FaqsService } from '../faqs/faqs.service';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import type { RequestLoaders } from '../graphql/request-loaders';
import { ContentScope, Treatment } from '../treatments/dtos/treatment.object';
import type { OfferedPrice } from '../pricing/pricing.service';
import {
  providersAtClinicJson,
  providersFromJson,
  type ProviderWithTreatments,
} from '../providers/providers.service';
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
>;

/** What resolving a clinic's pages needs about the clinic (see batchClinicContext). */
export interface ClinicContext {
  overrides: OverrideRow[];
  policies: Pick<PolicyRow, 'entityType' | 'field' | 'policy'>[];
  /** The clinic's own published FAQs, in its order. */
  faqs: FaqRow[];
  /** Published providers working at the clinic, by name. */
  providers: ProviderWithTreatments[];
}

type ClinicContextRow = {
  clinicId: string;
  overrides: ClinicContext['overrides'];
  policies: ClinicContext['policies'];
  faqs: Parameters<typeof faqRowsFromJson>[0];
  providers: Parameters<typeof providersFromJson>[0];
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
  ) {}

  /**
   * Everything about each clinic that resolving its pages needs, in one
   * statement: the published overrides it sees (its region's and its own),
   * its brand's field policies, its own FAQs and its providers.
   */
  readonly batchClinicContext = async (clinicIds: readonly string[]): Promise<ClinicContext[]> => {
    const rows: ClinicContextRow[] = await preparedQuery(
      this.db,
      `SELECT c.id AS "clinicId",
              (SELECT coalesce(json_agg(json_build_object(
                        'scope', o.scope, 'entityType', o.entity_type, 'entityId', o.entity_id,
                        'field', o.field, 'value', o.value, 'baseValue', o.base_value)), '[]')
                 FROM overrides o
                WHERE (o.clinic_id = c.id OR (o.region_id = c.region_id AND o.scope = 'REGION'))
                  AND o.publication_status = 'PUBLISHED') AS overrides,
              (SELECT coalesce(json_agg(json_build_object(
                        'entityType', fp.entity_type, 'field', fp.field, 'policy', fp.policy)), '[]')
                 FROM field_policies fp
                WHERE fp.brand_id = c.brand_id AND fp.publication_status = 'PUBLISHED') AS policies,
              ${faqRowsJson('f.clinic_id = c.id')} AS faqs,
              ${providersAtClinicJson('c')} AS providers
         FROM clinics c
        WHERE c.id = ANY($1)`,
      [clinicIds],
    );
    return pickByKeys(clinicIds, rows, (row) => row.clinicId).map((row) => ({
      overrides: row?.overrides ?? [],
      policies: row?.policies ?? [],
      faqs: faqRowsFromJson(row?.faqs ?? []),
      providers: providersFromJson(row?.providers ?? []),
    }));
  };

  /** Each brand's field policies. */
  readonly batchPoliciesByBrand = async (brandIds: readonly string[]) => {
    const rows: PolicyRow[] = await preparedQuery(
      this.db,
      `SELECT brand_id AS "brandId", entity_type AS "entityType", field, policy
         FROM field_policies
        WHERE brand_id = ANY($1) AND publication_status = 'PUBLISHED'`,
      [brandIds],
    );
    return groupByKeys(brandIds, rows, (row) => row.brandId);
  };

  /** The treatment as the clinic shows it (the brand version without one). */
  async resolveTreatment(
    entity: TreatmentEntity,
    clinic: ClinicRow | null,
    loaders: RequestLoaders,
  ): Promise<Treatment> {
    const [options, overrides, tokens] = await Promise.all([
      this.resolveOptions(entity.brandId, 'TREATMENT', clinic, loaders),
      this.overridesFor(clinic, 'TREATMENT', loaders),
      this.tokenContext(entity.brandId, clinic, loaders),
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
      offeredPrices: clinic ? (entity as { prices?: OfferedPrice[] }).prices : undefined,
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
    loaders: RequestLoaders,
  ): Promise<Faq[]> {
    const about = (faq: FaqRow) => !treatmentId || faq.treatmentIds.includes(treatmentId);
    const [brandFaqs, clinicFaqs, options, overrides, tokens] = await Promise.all([
      loaders.get(this.faqsService.batchBrandFaqsByBrand).load(brandId),
      clinic ? this.clinicContext(clinic, loaders).then((context) => context.faqs) : [],
      this.resolveOptions(brandId, 'FAQ', clinic, loaders),
      this.overridesFor(clinic, 'FAQ', loaders),
      this.tokenContext(brandId, clinic, loaders),
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
      ),
    );
  }

  /** The clinic's context (see batchClinicContext), once per request. */
  clinicContext(clinic: Pick<ClinicRow, 'id'>, loaders: RequestLoaders): Promise<ClinicContext> {
    return loaders.get(this.batchClinicContext).load(clinic.id);
  }

  private async resolveOptions(
    brandId: string,
    entityType: OverridableEntityType,
    clinic: ClinicRow | null,
    loaders: RequestLoaders,
  ): Promise<ResolveOptions> {
    // For a clinic they come with its context; the brand version reads them alone.
    const policies: Pick<PolicyRow, 'entityType' | 'field' | 'policy'>[] = clinic
      ? (await this.clinicContext(clinic, loaders)).policies
      : await loaders.get(this.batchPoliciesByBrand).load(brandId);
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
    loaders: RequestLoaders,
  ): Promise<Map<string, OverrideLayer[]>> {
    const byEntity = new Map<string, OverrideLayer[]>();
    if (!clinic) return byEntity;
    const { overrides: rows } = await this.clinicContext(clinic, loaders);
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
    loaders: RequestLoaders,
  ): Promise<TokenContext> {
    const brand = await loaders.get(this.brandsService.batchById).load(brandId);
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
