import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ClinicsService } from '../../clinics/clinics.service';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { Faq } from '../../faqs/dtos/faq.object';
import { BrandListArgs } from '../../graphql/brand-list.args';
import { pageWindow, toConnection } from '../../graphql/connection';
import { BrandsService } from '../../brands/brands.service';
import { jsonLdBrand, jsonLdClinic } from '../../clinics/clinic-json-ld';
import { treatmentJsonLd } from '../../json-ld/json-ld';
import { serializeJsonLd } from '../../json-ld/json-ld-script';
import { PriceItem, PriceValidity } from '../../pricing/dtos/price-item.object';
import { offeringKey, PricingService } from '../../pricing/pricing.service';
import { Provider } from '../../providers/dtos/provider.object';
import { ProvidersService } from '../../providers/providers.service';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { PREVIEW_ARG } from '../../read-mode/preview.arg';
import { markdownToSafeHtml } from '../../markdown/markdown';
import { expireAnswerBy } from '../../response-cache/answer-lifetime';
import { TreatmentConnection } from './dtos/treatment-connection.object';
import { Treatment } from '../../treatments/dtos/treatment.object';
import { TreatmentsService } from '../../treatments/treatments.service';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { CurrentActor, Loaders, HttpRequest } from '../../graphql/context.decorators';
import type { Actor } from '../../auth/actor';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';

@Resolver(() => Treatment)
export class TreatmentsResolver {
  constructor(
    private readonly treatmentsService: TreatmentsService,
    private readonly clinicsService: ClinicsService,
    private readonly providersService: ProvidersService,
    private readonly pricingService: PricingService,
    private readonly resolution: ContentResolutionService,
    private readonly previewAccess: PreviewAccessService,
    private readonly brandsService: BrandsService,
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
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Treatment | null> {
    const mode = await this.previewAccess.readMode(actor, brand, preview);
    if (!clinicSlug) {
      const entity = await this.treatmentsService.find(brand, slug, mode);
      return entity && this.resolution.resolveTreatment(entity, null, mode, loaders);
    }
    const clinic = await this.clinicsService.find(brand, clinicSlug, mode, loaders);
    if (!clinic) return null;
    // Only the one treatment, not the clinic's whole list.
    const entity = await this.resolution.offeredTreatment(clinic, slug, mode, loaders);
    return entity ? this.resolution.resolveTreatment(entity, clinic, mode, loaders) : null;
  }

  @Query(() => TreatmentConnection, {
    description:
      'A brand’s treatments (the brand versions, as no clinic resolves them), by name; with `preview`, its working copy.',
  })
  async treatments(
    @Args() args: BrandListArgs,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<TreatmentConnection> {
    const window = pageWindow('treatments', args);
    const mode = await this.previewAccess.readMode(actor, args.brand, args.preview);
    const { rows, totalCount } = await this.treatmentsService.list(args.brand, window, mode);
    const nodes = await Promise.all(
      rows.map((row) => this.resolution.resolveTreatment(row, null, mode, loaders)),
    );
    return toConnection('treatments', nodes, window, totalCount);
  }

  @ResolveField(() => [Faq], {
    description: 'FAQs about this treatment (as the clinic shows them, when resolved for one).',
  })
  faqs(@Parent() treatment: Treatment, @Loaders() loaders: RequestLoaders): Promise<Faq[]> {
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
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<Provider[]> {
    const rows = treatment.clinic
      ? await loaders
          .forMode(this.providersService.batchByClinicAndTreatment, treatment.mode)
          .load(offeringKey(treatment.clinic.id, treatment.itemId))
      : await loaders
          .forMode(this.providersService.batchByTreatment, treatment.mode)
          .load(treatment.itemId);
    const clinicId = treatment.clinic?.id ?? null;
    return this.providersService.toProviders(rows, treatment.mode, clinicId, req);
  }

  @ResolveField(() => [PriceItem], {
    description: 'The clinic’s current prices; empty for the brand version.',
  })
  prices(
    @Parent() treatment: Treatment,
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<PriceItem[]> {
    // `jsonLd` asks too: a page reading both builds its prices once.
    let prices = this.currentPrices.get(treatment);
    if (!prices) {
      prices = this.readPrices(treatment, loaders, req);
      this.currentPrices.set(treatment, prices);
    }
    return prices;
  }

  /** Per delivered treatment object, so per request (see prices). */
  private readonly currentPrices = new WeakMap<Treatment, Promise<PriceItem[]>>();

  private async readPrices(
    treatment: Treatment,
    loaders: RequestLoaders,
    req: AuthenticatedRequest,
  ): Promise<PriceItem[]> {
    const clinic = treatment.clinic;
    if (!clinic) return [];
    const rows = await loaders
      .forMode(this.pricingService.batchByOffering, treatment.mode)
      .load(offeringKey(clinic.id, treatment.itemId));
    // The answer is kept no longer than the clinic's midnight that starts or ends a price.
    for (const row of rows) expireAnswerBy(req, row.changesAt);
    return rows
      .filter((row) => row.validity === PriceValidity.CURRENT)
      .map((row) => this.pricingService.toPriceItem(row, clinic, treatment.mode));
  }

  @ResolveField(() => String, {
    description:
      'Sanitized HTML of `summary` (which is Markdown source): no script, no event handlers, no javascript: links.',
  })
  summaryHtml(@Parent() treatment: Treatment): string {
    return markdownToSafeHtml(treatment.summary);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Sanitized HTML of `disclaimer` (which is Markdown source); null when there is none.',
  })
  disclaimerHtml(@Parent() treatment: Treatment): string | null {
    return treatment.disclaimer === null ? null : markdownToSafeHtml(treatment.disclaimer);
  }

  @ResolveField(() => GraphQLJSONObject, {
    description:
      'schema.org MedicalTherapy (a MedicalProcedure). Resolved for a clinic: an `@graph` of the therapy and the MedicalClinic, whose `makesOffer` Offers sell it (`itemOffered` Service) at the clinic’s current prices. To embed it in a page use `jsonLdScript`, never a plain JSON.stringify of this object.',
  })
  async jsonLd(
    @Parent() treatment: Treatment,
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<object> {
    const [brand, prices] = await Promise.all([
      loaders.forMode(this.brandsService.batchById, treatment.mode).load(treatment.brandId),
      this.prices(treatment, loaders, req),
    ]);
    const clinic =
      treatment.clinic && this.clinicsService.toClinic(treatment.clinic, treatment.mode);
    return treatmentJsonLd({
      slug: treatment.slug,
      name: treatment.name,
      aliases: treatment.aliases,
      summary: treatment.summary,
      contraindications: treatment.contraindications,
      brand: jsonLdBrand(brand),
      offeredAt: clinic && {
        clinic: jsonLdClinic(clinic, brand),
        offers: prices.map((price) => ({
          id: price.id,
          label: price.label,
          amountMinor: price.amount.amountMinor,
          currency: price.amount.currency,
          formatted: price.amount.formatted,
          validFrom: price.validFrom,
          validUntil: price.validUntil,
          isFromPrice: price.isFromPrice,
        })),
      },
    });
  }

  @ResolveField(() => String, {
    description:
      '`jsonLd` as JSON text that is safe to embed between `<script type="application/ld+json">` and `</script>` (`<`, `>`, `&`, U+2028 and U+2029 are escaped as `\\u003c`…). Embed this rather than serializing `jsonLd` yourself.',
  })
  async jsonLdScript(
    @Parent() treatment: Treatment,
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<string> {
    return serializeJsonLd(await this.jsonLd(treatment, loaders, req));
  }
}
