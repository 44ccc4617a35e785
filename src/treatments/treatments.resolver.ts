import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BrandsService } from '../brands/brands.service';
import { ClinicsService } from '../clinics/clinics.service';
import { ContentResolutionService } from '../content-resolution/content-resolution.service';
import { Faq } from '../faqs/dtos/faq.object';
import type { GraphqlContext } from '../graphql/graphql-context';
import { markdownToPlainText, treatmentJsonLd } from '../json-ld/json-ld';
import { PriceItem } from '../pricing/dtos/price-item.object';
import { offeringKey, PricingService } from '../pricing/pricing.service';
import { Provider } from '../providers/dtos/provider.object';
import { ProvidersService } from '../providers/providers.service';
import { markdownToSafeHtml } from '../text/markdown';
import { Treatment, TreatmentSection } from './dtos/treatment.object';
import { offeredKey, TreatmentsService } from './treatments.service';

@Resolver(() => Treatment)
export class TreatmentsResolver {
  constructor(
    private readonly treatmentsService: TreatmentsService,
    private readonly clinicsService: ClinicsService,
    private readonly brandsService: BrandsService,
    private readonly providersService: ProvidersService,
    private readonly pricingService: PricingService,
    private readonly resolution: ContentResolutionService,
  ) {}

  @Query(() => Treatment, {
    nullable: true,
    description:
      'A published treatment of a brand; with `clinic`, resolved for that clinic (null if the clinic does not offer it).',
  })
  async treatment(
    @Args('brand', { description: 'Brand slug.' }) brand: string,
    @Args('slug', { description: 'Treatment slug.' }) slug: string,
    @Args('clinic', { nullable: true, type: () => String, description: 'Clinic slug.' })
    clinicSlug: string | null,
    @Context() { loaders }: GraphqlContext,
  ): Promise<Treatment | null> {
    if (!clinicSlug) {
      const entity = await this.treatmentsService.findPublished(brand, slug);
      return entity && this.resolution.resolveTreatment(entity, null, loaders);
    }
    const clinic = await this.clinicsService.findPublished(brand, clinicSlug);
    if (!clinic) return null;
    this.brandsService.prime(loaders, clinic.brand);
    // Resolving it will need the clinic's context: ask in the same wave.
    void this.resolution.clinicContext(clinic, loaders).catch(() => undefined);
    const entity = await loaders
      .get(this.treatmentsService.batchOfferedBySlug)
      .load(offeredKey(clinic.id, slug));
    return entity ? this.resolution.resolveTreatment(entity, clinic, loaders) : null;
  }

  @ResolveField(() => [Faq], {
    description: 'FAQs about this treatment (as the clinic shows them, when resolved for one).',
  })
  faqs(@Parent() treatment: Treatment, @Context() { loaders }: GraphqlContext): Promise<Faq[]> {
    return this.resolution.resolveFaqs(treatment.brandId, treatment.clinic, treatment.id, loaders);
  }

  @ResolveField(() => [Provider], {
    description: 'Providers who perform this treatment (at the clinic, when resolved for one).',
  })
  async providers(
    @Parent() treatment: Treatment,
    @Context() { loaders }: GraphqlContext,
  ): Promise<Provider[]> {
    const rows = treatment.clinic
      ? (await this.resolution.clinicContext(treatment.clinic, loaders)).providers.filter(
          (provider) => provider.treatmentIds.includes(treatment.id),
        )
      : await loaders.get(this.providersService.batchByTreatment).load(treatment.id);
    return rows.map((row) => this.providersService.toProvider(row));
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
    const rows =
      treatment.offeredPrices ??
      (await loaders
        .get(this.pricingService.batchByOffering)
        .load(offeringKey(clinic.id, treatment.id)));
    return rows.map((row) => this.pricingService.toPriceItem(row, clinic.locale));
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
