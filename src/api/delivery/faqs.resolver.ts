import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { type BrandRow, BrandsService } from '../../brands/brands.service';
import { ClinicsService } from '../../clinics/clinics.service';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { EMPTY_PAGE_INFO, pageOf, pageWindow } from '../../graphql/connection';
import { Treatment } from '../../treatments/dtos/treatment.object';
import { TreatmentEntity } from '../../treatments/treatment.entity';
import { TreatmentsService } from '../../treatments/treatments.service';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { jsonLdBrand } from '../../clinics/clinic-json-ld';
import { serializeJsonLd } from '../../json-ld/json-ld-script';
import { faqListJsonLd } from '../../faqs/faq-json-ld';
import { FaqConnection } from '../../faqs/dtos/faq-connection.object';
import { Faq } from '../../faqs/dtos/faq.object';
import { FaqsArgs } from './dtos/faqs.args';
import { ClinicFaqListService } from '../../faqs/clinic-faq-list.service';
import type { RequestLoaders } from '../../graphql/request-loaders';
import type { ReadMode } from '../../read-mode/read-mode';
import { CurrentActor, Loaders } from '../../graphql/context.decorators';
import type { Actor } from '../../auth/actor';

const EMPTY = { edges: [], pageInfo: EMPTY_PAGE_INFO, totalCount: 0 };

@Resolver(() => Faq)
export class FaqsResolver {
  constructor(
    private readonly brandsService: BrandsService,
    private readonly clinicsService: ClinicsService,
    private readonly treatmentsService: TreatmentsService,
    private readonly resolution: ContentResolutionService,
    private readonly previewAccess: PreviewAccessService,
    private readonly clinicFaqs: ClinicFaqListService,
  ) {}

  @Query(() => FaqConnection, {
    description: 'A brand’s FAQs; with `clinic`, the list as that clinic shows it.',
  })
  async faqs(
    @Args() args: FaqsArgs,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<FaqConnection> {
    pageWindow('faqs', args); // bad paging arguments fail before any lookup
    const mode = await this.previewAccess.readMode(actor, args.brand, args.preview);
    const found = await this.listOf(args, mode, loaders);
    if (!found) return EMPTY;
    const { brand, faqs } = found;
    const page = {
      brand: jsonLdBrand(brand),
      clinic: args.clinic ?? null,
      treatment: args.treatment ?? null,
    };
    return { ...pageOf('faqs', faqs, args), page };
  }

  /**
   * The brand and the FAQ list asked for; null when there is no such page
   * (unknown slug, treatment not offered). A clinic's list reads the clinic
   * with its brand in one statement.
   */
  private async listOf(
    args: FaqsArgs,
    mode: ReadMode,
    loaders: RequestLoaders,
  ): Promise<{ brand: BrandRow; faqs: Faq[] } | null> {
    if (args.clinic) {
      const found = await this.clinicsService.findWithBrand(args.brand, args.clinic, mode, loaders);
      if (!found) return null;
      const { clinic, brand } = found;
      const faqs = await this.clinicFaqs.faqsOfPage(clinic, args.treatment ?? null, mode, loaders);
      return faqs && { brand, faqs };
    }
    const brand = await this.brandsService.findBySlug(args.brand, mode);
    if (!brand) return null;
    const treatment = args.treatment
      ? await this.treatmentsService.find(args.brand, args.treatment, mode)
      : null;
    if (args.treatment && !treatment) return null;
    const faqs = await this.resolution.resolveFaqs(
      brand.id,
      null,
      treatment?.id ?? null,
      mode,
      loaders,
    );
    return { brand, faqs };
  }

  @ResolveField(() => [Treatment], {
    description: 'The treatments this FAQ is about (brand versions).',
  })
  async treatments(@Parent() faq: Faq, @Loaders() loaders: RequestLoaders): Promise<Treatment[]> {
    const entities = await loaders
      .forMode(this.treatmentsService.batchById, faq.mode)
      .loadMany(faq.treatmentIds);
    const shown = entities.filter(
      (entity): entity is TreatmentEntity => entity !== null && !(entity instanceof Error),
    );
    return Promise.all(
      shown.map((entity) => this.resolution.resolveTreatment(entity, null, faq.mode, loaders)),
    );
  }
}

@Resolver(() => FaqConnection)
export class FaqConnectionResolver {
  @ResolveField(() => GraphQLJSONObject, {
    description:
      'schema.org FAQPage of the FAQs on this page (answers as sanitized HTML), `about` the clinic and treatment by their `@id`. To embed it in a page use `jsonLdScript`, never a plain JSON.stringify of this object.',
  })
  jsonLd(@Parent() connection: FaqConnection): object {
    return faqListJsonLd(
      connection.edges.map(({ node }) => node),
      connection.page ?? null,
    );
  }

  @ResolveField(() => String, {
    description:
      '`jsonLd` as JSON text that is safe to embed between `<script type="application/ld+json">` and `</script>` (`<`, `>`, `&`, U+2028 and U+2029 are escaped as `\\u003c`…). Embed this rather than serializing `jsonLd` yourself.',
  })
  jsonLdScript(@Parent() connection: FaqConnection): string {
    return serializeJsonLd(this.jsonLd(connection));
  }
}
