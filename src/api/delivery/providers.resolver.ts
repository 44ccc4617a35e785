import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Clinic } from '../../clinics/dtos/clinic.object';
import { ClinicsService } from '../../clinics/clinics.service';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { pageWindow, toConnection } from '../../graphql/connection';
import { BrandsService } from '../../brands/brands.service';
import { jsonLdBrand } from '../../clinics/clinic-json-ld';
import { CREDENTIAL_TYPES, type CredentialType } from '../../compliance/credential-types';
import { providerJsonLd } from '../../json-ld/json-ld';
import { serializeJsonLd } from '../../json-ld/json-ld-script';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { Treatment } from '../../treatments/dtos/treatment.object';
import { Provider } from '../../providers/dtos/provider.object';
import { ProviderConnection } from './dtos/provider-connection.object';
import { ProvidersArgs } from './dtos/providers.args';
import { ProvidersService } from '../../providers/providers.service';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { CurrentActor, Loaders, HttpRequest } from '../../graphql/context.decorators';
import type { Actor } from '../../auth/actor';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';

@Resolver(() => Provider)
export class ProvidersResolver {
  constructor(
    private readonly providersService: ProvidersService,
    private readonly clinicsService: ClinicsService,
    private readonly resolution: ContentResolutionService,
    private readonly previewAccess: PreviewAccessService,
    private readonly brandsService: BrandsService,
  ) {}

  @Query(() => ProviderConnection, {
    description: 'A brand’s providers; filter by clinic (works there) and treatment (performs it).',
  })
  async providers(
    @Args() args: ProvidersArgs,
    @CurrentActor() actor: Actor,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<ProviderConnection> {
    const window = pageWindow('providers', args);
    const mode = await this.previewAccess.readMode(actor, args.brand, args.preview);
    const { rows, totalCount } = await this.providersService.list(args.brand, args, window, mode);
    return toConnection(
      'providers',
      this.providersService.toProviders(rows, mode, null, req),
      window,
      totalCount,
    );
  }

  @ResolveField(() => [Clinic], { description: 'Clinics this provider works at.' })
  async clinics(
    @Parent() provider: Provider,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Clinic[]> {
    const rows = await loaders
      .forMode(this.providersService.batchClinicsByProvider, provider.mode)
      .load(provider.itemId);
    return rows.map((row) => this.clinicsService.toClinic(row, provider.mode));
  }

  @ResolveField(() => [Treatment], {
    description: 'Treatments this provider performs (brand versions).',
  })
  async treatments(
    @Parent() provider: Provider,
    @Loaders() loaders: RequestLoaders,
  ): Promise<Treatment[]> {
    const rows = await loaders
      .forMode(this.providersService.batchTreatmentsByProvider, provider.mode)
      .load(provider.itemId);
    return Promise.all(
      rows.map((row) => this.resolution.resolveTreatment(row, null, provider.mode, loaders)),
    );
  }

  @ResolveField(() => GraphQLJSONObject, {
    description:
      'schema.org Person (post-nominals as `honorificSuffix`; verified, unexpired licences as `hasCredential`), who `worksFor` the clinics by their `@id`. To embed it in a page use `jsonLdScript`, never a plain JSON.stringify of this object.',
  })
  async jsonLd(@Parent() provider: Provider, @Loaders() loaders: RequestLoaders): Promise<object> {
    const [brand, clinics] = await Promise.all([
      loaders.forMode(this.brandsService.batchById, provider.mode).load(provider.brandId),
      this.clinics(provider, loaders),
    ]);
    return providerJsonLd({
      slug: provider.slug,
      name: provider.name,
      credentials: provider.credentials,
      licences: provider.verifiedLicences.map((licence) => ({
        name: CREDENTIAL_TYPES[licence.credentialType as CredentialType] ?? licence.credentialType,
        issuingState: licence.issuingState,
        expiresAt: new Date(licence.expiresAt).toISOString(),
      })),
      title: provider.title,
      bio: provider.bio,
      photoUrl: provider.photoUrl,
      clinics: clinics.map(({ slug, name }) => ({ slug, name })),
      brand: jsonLdBrand(brand),
    });
  }

  @ResolveField(() => String, {
    description:
      '`jsonLd` as JSON text that is safe to embed between `<script type="application/ld+json">` and `</script>` (`<`, `>`, `&`, U+2028 and U+2029 are escaped as `\\u003c`…). Embed this rather than serializing `jsonLd` yourself.',
  })
  async jsonLdScript(
    @Parent() provider: Provider,
    @Loaders() loaders: RequestLoaders,
  ): Promise<string> {
    return serializeJsonLd(await this.jsonLd(provider, loaders));
  }
}
