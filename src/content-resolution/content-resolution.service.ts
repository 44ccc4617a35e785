import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrandsService } from '../brands/brands.service';
import { ClinicRow } from '../clinics/clinics.service';
import { Faq } from '../faqs/dtos/faq.object';
import { FaqRow, FaqsService } from '../faqs/faqs.service';
import { encodeGlobalId } from '../graphql/global-id';
import { groupByKeys, pickByKeys } from '../graphql/request-loaders';
import type { RequestLoaders } from '../graphql/request-loaders';
import { ContentSources } from '../read-mode/content-sources';
import type { ReadMode } from '../read-mode/read-mode';
import { ContentLevel, Treatment } from '../treatments/dtos/treatment.object';
import { TreatmentEntity } from '../treatments/treatment.entity';
import { offeredKey, TreatmentsService } from '../treatments/treatments.service';
import { deliveredSections } from '../treatments/treatment.mapper';
import { TREATMENT_OVERRIDABLE_FIELDS } from '../treatments/treatment.content-type';
import type { FieldPolicyKind } from '../overrides/field-policy.entity';
import type { OverridableEntityType, OverrideEntity } from '../overrides/override.entity';
import { hiddenBrandFaqs, resolveFaqList } from './resolve-faq-list';
import { FieldPolicy, OverrideLayer, ResolveOptions, resolveFields } from './resolve-fields';
import { renderTokens, renderTokensDeep, TokenContext } from './tokens';

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

/** A treatment a clinic offers, as its rules list it. */
interface OfferedTreatment {
  id: string;
  brandId: string;
  slug: string;
  name: string;
}

/** The rules a clinic's pages are resolved with (see batchRulesByClinic). */
interface ClinicRules {
  brandName: string | null;
  /** Each treatment the clinic offers, by name (its JSON-LD links them by slug and name). */
  offered: OfferedTreatment[];
  overrides: OverrideRow[];
  policies: Pick<PolicyRow, 'entityType' | 'field' | 'policy'>[];
}

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
    private readonly treatmentsService: TreatmentsService,
    private readonly sources: ContentSources,
  ) {}

  /**
   * What resolving each clinic's pages needs besides the content, in one
   * statement: the overrides it sees (its region's and its own), its
   * brand's field policies, its brand's name (for {{brand.name}}) and the
   * slugs and names of the treatments it offers (for its JSON-LD; a page
   * about one treatment then never reads the whole list's content).
   */
  readonly batchRulesByClinic = async (
    clinicIds: readonly string[],
    mode: ReadMode,
  ): Promise<ClinicRules[]> => {
    const from = this.sources.of(mode);
    const rows: (ClinicRules & { clinicId: string })[] = await this.db.query(
      `SELECT c.id AS "clinicId",
              (SELECT b.name FROM ${from('brands')} b WHERE b.id = c.brand_id) AS "brandName",
              coalesce((SELECT json_agg(json_build_object(
                          'scope', o.scope, 'entityType', o.entity_type, 'entityId', o.entity_id,
                          'field', o.field, 'value', o.value, 'baseValue', o.base_value))
                          FROM ${from('overrides')} o
                         WHERE o.clinic_id = c.id OR (o.region_id = c.region_id AND o.scope = 'REGION')),
                       '[]') AS overrides,
              coalesce((SELECT json_agg(json_build_object(
                          'entityType', fp.entity_type, 'field', fp.field, 'policy', fp.policy))
                          FROM ${from('field_policies')} fp WHERE fp.brand_id = c.brand_id),
                       '[]') AS policies,
              coalesce((SELECT json_agg(json_build_object('id', t.id, 'brandId', t.brand_id, 'slug', t.slug, 'name', t.name) ORDER BY t.name, t.id)
                          FROM ${from('clinic_treatments')} ct
                          JOIN ${from('treatments')} t ON t.id = ct.treatment_id
                         WHERE ct.clinic_id = c.id),
                       '[]') AS offered
         FROM ${from('clinics')} c
        WHERE c.id = ANY($1)`,
      [clinicIds],
    );
    return pickByKeys(clinicIds, rows, (row) => row.clinicId).map(
      (row) => row ?? { brandName: null, overrides: [], policies: [], offered: [] },
    );
  };

  /** Slug and name of each treatment the clinic offers, by name. */
  async offeredNames(
    clinic: ClinicRow,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<{ slug: string; name: string }[]> {
    return (await loaders.forMode(this.batchRulesByClinic, mode).load(clinic.id)).offered;
  }

  /**
   * The treatment `slug` as the clinic offers it (its stored content, not yet
   * resolved), or null when the clinic does not offer it. Published: from the
   * clinic's rules (which the page reads anyway) and its brand's kept
   * treatments, without a statement of its own; a treatment published since
   * they were kept is read by id. A preview reads its working copy.
   */
  async offeredTreatment(
    clinic: ClinicRow,
    slug: string,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<TreatmentEntity | null> {
    if (mode.kind !== 'PUBLISHED') {
      return loaders
        .forMode(this.treatmentsService.batchOfferedBySlug, mode)
        .load(offeredKey(clinic.id, slug));
    }
    const { offered } = await loaders.forMode(this.batchRulesByClinic, mode).load(clinic.id);
    const treatment = offered.find((one) => one.slug === slug);
    if (!treatment) return null;
    const kept = (await this.treatmentsService.publishedOfBrand(treatment.brandId)).get(
      treatment.id,
    );
    return kept ?? loaders.forMode(this.treatmentsService.batchById, mode).load(treatment.id);
  }

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
      sections: deliveredSections(rendered.sections),
      id: encodeGlobalId({
        type: 'Treatment',
        itemId: entity.id,
        clinicId: clinic?.id ?? null,
        mode,
      }),
      itemId: entity.id,
      slug: entity.slug,
      fieldSources: sources.map((source) => ({
        ...source,
        scope: source.scope as ContentLevel,
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
    const [faqs, options, overrides, tokens] = await Promise.all([
      !clinic
        ? loaders.forMode(this.faqsService.batchBrandFaqsByBrand, mode).load(brandId)
        : treatmentId
          ? loaders
              .forMode(this.faqsService.batchFaqsSeenByClinicAbout, mode)
              .load(`${clinic.id}:${treatmentId}`)
          : loaders.forMode(this.faqsService.batchFaqsSeenByClinic, mode).load(clinic.id),
      this.resolveOptions(brandId, 'FAQ', clinic, mode, loaders),
      this.overridesFor(clinic, 'FAQ', mode, loaders),
      this.tokenContext(brandId, clinic, mode, loaders),
    ]);
    const shown = faqs.filter(about);
    return resolveFaqList(
      shown.filter((faq) => faq.clinicId === null),
      shown.filter((faq) => faq.clinicId !== null),
      overrides,
      options,
    ).map((resolved) =>
      this.faqsService.toFaq(
        resolved.faq,
        {
          question: renderTokens(resolved.question, tokens),
          answer: renderTokens(resolved.answer, tokens),
        },
        clinic?.id ?? null,
        mode,
      ),
    );
  }

  /**
   * The brand FAQs of a clinic's page that its list leaves out, with who hid
   * each (its region or the clinic), read as resolveFaqs reads them.
   */
  async hiddenFaqs(
    clinic: ClinicRow,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<{ faq: Faq; hiddenBy: 'REGION' | 'CLINIC' }[]> {
    const [faqs, options, overrides, tokens] = await Promise.all([
      loaders.forMode(this.faqsService.batchFaqsSeenByClinic, mode).load(clinic.id),
      this.resolveOptions(clinic.brandId, 'FAQ', clinic, mode, loaders),
      this.overridesFor(clinic, 'FAQ', mode, loaders),
      this.tokenContext(clinic.brandId, clinic, mode, loaders),
    ]);
    const brandFaqs = faqs.filter((faq) => faq.clinicId === null);
    return hiddenBrandFaqs(brandFaqs, overrides, options).map(({ faq, hiddenBy }) => ({
      faq: this.faqsService.toFaq(
        faq,
        { question: renderTokens(faq.question, tokens), answer: renderTokens(faq.answer, tokens) },
        clinic.id,
        mode,
      ),
      hiddenBy,
    }));
  }

  private async resolveOptions(
    brandId: string,
    entityType: OverridableEntityType,
    clinic: ClinicRow | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<ResolveOptions> {
    // A clinic's come with its rules; the brand version reads them alone.
    const policies: Pick<PolicyRow, 'entityType' | 'field' | 'policy'>[] = clinic
      ? (await loaders.forMode(this.batchRulesByClinic, mode).load(clinic.id)).policies
      : await loaders.forMode(this.batchPoliciesByBrand, mode).load(brandId);
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
    const { overrides } = await loaders.forMode(this.batchRulesByClinic, mode).load(clinic.id);
    for (const row of overrides) {
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

  /** The values `{{…}}` tokens render to: the clinic's, or brand-only without one. */
  async tokenContext(
    brandId: string,
    clinic: ClinicRow | null,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<TokenContext> {
    const brandName = clinic
      ? (await loaders.forMode(this.batchRulesByClinic, mode).load(clinic.id)).brandName
      : (await loaders.forMode(this.brandsService.batchById, mode).load(brandId))?.name;
    return {
      brand: { name: brandName ?? '' },
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
