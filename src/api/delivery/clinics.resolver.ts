import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Brand } from '../../brands/dtos/brand.object';
import { BrandsService, toBrand } from '../../brands/brands.service';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { Faq } from '../../faqs/dtos/faq.object';
import { pageWindow, toConnection } from '../../graphql/connection';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { clinicJsonLd } from '../../json-ld/json-ld';
import { serializeJsonLd } from '../../json-ld/json-ld-script';
import { jsonLdClinic } from '../../clinics/clinic-json-ld';
import { Provider } from '../../providers/dtos/provider.object';
import { ProvidersService } from '../../providers/providers.service';
import { Region } from '../../regions/dtos/region.object';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { PREVIEW_ARG } from '../../read-mode/preview.arg';
import { RegionsService, toRegion } from '../../regions/regions.service';
import { Treatment } from '../../treatments/dtos/treatment.object';
import { TreatmentsService } from '../../treatments/treatments.service';
import { ClinicFaqListService } from '../../faqs/clinic-faq-list.service';
import { ClinicsService } from '../../clinics/clinics.service';
import { ClinicConnection } from './dtos/clinic-connection.object';
import { Clinic } from '../../clinics/dtos/clinic.object';
import { ClinicsArgs } from '../../clinics/dtos/clinics.args';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Loaders, HttpRequest } from '../../graphql/context.decorators';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';

@Resolver(() => Clinic)
export class ClinicsResolver {
  constructor(
    private readonly clinicsService: ClinicsService,
    private readonly brandsService: BrandsService,
    private readonly regionsService: RegionsService,
    private readonly treatmentsService: TreatmentsService,
    private readonly providersService: ProvidersService,
    private readonly resolution: ContentResolutionService,
    private readonly previewAccess: PreviewAccessService,
    private readonly clinicFaqs: ClinicFaqListService,
  ) {}

  @Query(() => Clinic, {
    nullable: true,
    description: 'A published clinic (with `preview`, its working copy), or null.',
  })
  async clinic(
    @Args('brand', { description: 'Brand slug.' }) brand: string,
    @Args('slug', { description: 'Clinic slug.' }) slug: string,
    @Args('preview', PREVIEW_ARG) preview: boolean | null,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Clinic | null> {
    const mode = await this.previewAccess.readMode(actor, brand, preview);
    const found = await this.clinicsService.findWithBrand(brand, slug, mode, loaders);
    if (!found) return null;
    // Its brand came along: nested fields (jsonLd, tokens) need not read it again.
    loaders.forMode(this.brandsService.batchById, mode).prime(found.brand.id, found.brand);
    return this.clinicsService.toClinic(found.clinic, mode);
  }

  @Query(() => ClinicConnection, {
    description: 'A brand’s clinics: filter by region, city, treatment or distance.',
  })
  async clinics(
    @Args() args: ClinicsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<ClinicConnection> {
    const window = pageWindow('clinics', args);
    const mode = await this.previewAccess.readMode(actor, args.brand, args.preview);
    const { rows, totalCount } = await this.clinicsService.list(
      args.brand,
      args.filter,
      window,
      mode,
    );
    return toConnection(
      'clinics',
      rows.map((row) => this.clinicsService.toClinic(row, mode, args.filter?.near ?? null)),
      window,
      totalCount,
    );
  }

  @ResolveField(() => Brand, { description: 'The brand the clinic belongs to.' })
  async brand(@Parent() clinic: Clinic, @Loaders() loaders: RequestLoaders): Promise<Brand> {
    const brand = await loaders
      .forMode(this.brandsService.batchById, clinic.mode)
      .load(clinic.row.brandId);
    return toBrand(brand!, clinic.mode);
  }

  @ResolveField(() => Region, {
    nullable: true,
    description: 'The region of the clinic; null when in none.',
  })
  region(
    @Parent() clinic: Clinic,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Region | null> | null {
    return clinic.row.regionId
      ? loaders
          .forMode(this.regionsService.batchById, clinic.mode)
          .load(clinic.row.regionId)
          .then((row) => row && toRegion(row, clinic.mode))
      : null;
  }

  @ResolveField(() => [Treatment], {
    description: 'Treatments offered here, resolved for this clinic.',
  })
  async treatments(
    @Parent() clinic: Clinic,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Treatment[]> {
    const offered = await this.offeredAt(clinic, loaders);
    return Promise.all(
      offered.map((entity) =>
        this.resolution.resolveTreatment(entity, clinic.row, clinic.mode, loaders),
      ),
    );
  }

  @ResolveField(() => Treatment, {
    nullable: true,
    description: 'One treatment offered here, resolved for this clinic; null if not offered.',
  })
  async treatment(
    @Parent() clinic: Clinic,
    @Args('slug', { description: 'Treatment slug.' }) slug: string,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Treatment | null> {
    // Only the one treatment, not the clinic's whole list.
    const entity = await this.resolution.offeredTreatment(clinic.row, slug, clinic.mode, loaders);
    return entity
      ? this.resolution.resolveTreatment(entity, clinic.row, clinic.mode, loaders)
      : null;
  }

  @ResolveField(() => [Provider], { description: 'Providers working here.' })
  async providers(
    @Parent() clinic: Clinic,
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<Provider[]> {
    const rows = await loaders
      .forMode(this.providersService.batchByClinic, clinic.mode)
      .load(clinic.itemId);
    return this.providersService.toProviders(rows, clinic.mode, clinic.itemId, req);
  }

  @ResolveField(() => [Faq], { description: 'The FAQ list as this clinic shows it.' })
  async faqs(
    @Parent() clinic: Clinic,
    @Args('treatment', {
      nullable: true,
      type: () => String,
      description: 'Treatment slug: only FAQs about it (empty when the clinic does not offer it).',
    })
    treatment: string | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Faq[]> {
    const faqs = await this.clinicFaqs.faqsOfPage(clinic.row, treatment, clinic.mode, loaders);
    return faqs ?? [];
  }

  @ResolveField(() => GraphQLJSONObject, {
    description:
      'schema.org MedicalClinic with a stable `@id`, linking the treatments offered (`availableService`) by theirs; providers link to it from their own `worksFor`. To embed it in a page use `jsonLdScript`, never a plain JSON.stringify of this object.',
  })
  async jsonLd(@Parent() clinic: Clinic, @Loaders() loaders: RequestLoaders): Promise<object> {
    const [brand, treatments] = await Promise.all([
      loaders.forMode(this.brandsService.batchById, clinic.mode).load(clinic.row.brandId),
      // Slugs and names only, with the clinic's rules: not every treatment's content.
      this.resolution.offeredNames(clinic.row, clinic.mode, loaders),
    ]);
    return clinicJsonLd({ ...jsonLdClinic(clinic, brand), treatments });
  }

  @ResolveField(() => String, {
    description:
      '`jsonLd` as JSON text that is safe to embed between `<script type="application/ld+json">` and `</script>` (`<`, `>`, `&`, U+2028 and U+2029 are escaped as `\\u003c`…). Embed this rather than serializing `jsonLd` yourself.',
  })
  async jsonLdScript(
    @Parent() clinic: Clinic,
    @Loaders() loaders: RequestLoaders,
  ): Promise<string> {
    return serializeJsonLd(await this.jsonLd(clinic, loaders));
  }

  private offeredAt(clinic: Clinic, loaders: RequestLoaders) {
    return loaders
      .forMode(this.treatmentsService.batchOfferedByClinic, clinic.mode)
      .load(clinic.itemId);
  }
}
