import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ClinicsService } from '../clinics/clinics.service';
import { ContentResolutionService } from '../content-resolution/content-resolution.service';
import { Faq } from '../faqs/dtos/faq.object';
import type { GraphqlContext } from '../graphql/graphql-context';
import { markdownToPlainText, treatmentJsonLd } from '../json-ld/json-ld';
import { PriceItem } from '../pricing/dtos/price-item.object';
import { offeringKey, PricingService } from '../pricing/pricing.service';
import { Provider } from '../providers/dtos/provider.object';
import { ProvidersService } from '../providers/providers.service';
import { PreviewAccessService } from '../read-mode/preview-access.service';
import { PREVIEW_ARG } from '../read-mode/preview.arg';
import { markdownToSafeHtml } from '../text/markdown';
import { Treatment, TreatmentSection } from './dtos/treatment.object';
import { TreatmentsService } from './treatments.service';

@Resolver(() => Treatment)
export class TreatmentsResolver {
  constructor(
    private readonly treatmentsService: TreatmentsService,
    private readonly clinicsService: ClinicsService,
    private readonly providersService: ProvidersService,
    private readonly pricingService: PricingService,
    private readonly resolution: ContentResolutionService,
    private readonly previewAccess: PreviewAccessService,
  ) {}

  @Query(() => Treatment, {
    nullable: true,
    description:
      'A published treatment of a brand (with `preview`, its working copy); with `clinic`, resolved for that clinic (null if the clinic does not offer it).',
  })
  async treatment(
    @Args('brand', { description: 'Brand slug.' }) brand: string,
    @Args('slug', { description: 'Treatment slug.' }) slug: string,
    @Args('clinic', { nullable: true, type: () => String, description: 'Clinic slug.' })
    clinicSlug: string | null,
    @Args('preview', PREVIEW_ARG) preview: boolean | null,
    @Context() { actor, loaders }: GraphqlContext,
  ): Promise<Treatment | null> {
    const mode = await this.previewAccess.readMode(actor, brand, preview);
    if (!clinicSlug) {
      const entity = await this.treatmentsService.find(brand, slug, mode);
      return entity && this.resolution.resolveTreatment(entity, null, mode, loaders);
    }
    const clinic = await this.clinicsService.find(brand, clinicSlug, mode);
    if (!clinic) return null;
    const offered = await loaders
      .forMode(this.treatmentsService.batchOfferedByClinic, mode)
      .load(clinic.id);
    const entity = offered.find((treatment) => treatment.slug === slug);
    return entity ? this.resolution.resolveTreatment(entity, clinic, mode, loaders) : null;
  }

  @ResolveField(() => [Faq], {
    description: 'FAQs about this treatment (as the clinic shows them, when resolved for one).',
  })
  faqs(@Parent() treatment: Treatment, @Context() { loaders }: GraphqlContext): Promise<Faq[]> {
    return this.resolution.resolveFaqs(
      treatment.brandId,
      treatment.clinic,
      treatment.itemId,
      treatment.mode,
      loaders,
    );
  }

  @ResolveField(() => [Provider], {
    description: 'Providers who perform this treatment (at the clinic, when resolved for one).',
  })
  async providers(
    @Parent() treatment: Treatment,
    @Context() { loaders }: GraphqlContext,
  ): Promise<Provider[]> {
    const rows = treatment.clinic
      ? await loaders
          .forMode(this.providersService.batchByClinicAndTreatment, treatment.mode)
          .load(offeringKey(treatment.clinic.id, treatment.itemId))
      : await loaders
          .forMode(this.providersService.batchByTreatment, treatment.mode)
          .load(treatment.itemId);
    const clinicId = treatment.clinic?.id ?? null;
    return rows.map((row) => this.providersService.toProvider(row, treatment.mode, clinicId));
  }

  @ResolveField(() => [PriceItem], {
    description: 'The clinic’s current prices; empty for the brand version.',
  })
  async prices(
    @Parent() treatment: Treatment,
    @Context() { loaders }: GraphqlContext,
  ): Promise<PriceItem[]> {
    const clinic = treatment.clinic;
    if (!clinic) return [];
    const rows = await loaders
      .forMode(this.pricingService.batchByOffering, treatment.mode)
      .load(offeringKey(clinic.id, treatment.itemId));
    return rows.map((row) => this.pricingService.toPriceItem(row, clinic, treatment.mode));
  }

  @ResolveField(() => GraphQLJSONObject, {
    description:
      'schema.org MedicalProcedure; with the clinic’s prices as Offers when resolved for a clinic.',
  })
  async jsonLd(
    @Parent() treatment: Treatment,
    @Context() context: GraphqlContext,
  ): Promise<Record<string, unknown>> {
    const prices = await this.prices(treatment, context);
    return treatmentJsonLd({
      name: treatment.name,
      aliases: treatment.aliases,
      summary: markdownToPlainText(treatment.summary),
      durationMinutes: treatment.facts.durationMinutes,
      contraindications: treatment.contraindications,
      offers: prices.map((price) => ({
        label: price.label,
        amountMinor: price.amount.amountMinor,
        currency: price.amount.currency,
        validFrom: price.validFrom,
        validUntil: price.validUntil,
        isFromPrice: price.isFromPrice,
      })),
      clinic: treatment.clinic && { name: treatment.clinic.name },
    });
  }
}

@Resolver(() => TreatmentSection)
export class TreatmentSectionResolver {
  @ResolveField(() => String, { description: 'Sanitized HTML of the body.' })
  html(@Parent() section: TreatmentSection): string {
    return markdownToSafeHtml(section.body);
  }
}
