import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Loaders, HttpRequest } from '../../graphql/context.decorators';
import { BrandsService, toBrand } from '../../brands/brands.service';
import { nearKey, ClinicsService } from '../../clinics/clinics.service';
import { badInput } from '../../common/domain-error';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { FaqsService } from '../../faqs/faqs.service';
import { PricingService } from '../../pricing/pricing.service';
import { ProvidersService } from '../../providers/providers.service';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { RegionsService, toRegion } from '../../regions/regions.service';
import { offeredKey, TreatmentsService } from '../../treatments/treatments.service';
import { MAX_PAGE_SIZE } from '../../graphql/connection';
import { decodeGlobalId, type NodeKey } from '../../graphql/global-id';
import { expireAnswerBy } from '../../response-cache/answer-lifetime';
import { Node } from '../../graphql/node.interface';
import type { RequestLoaders } from '../../graphql/request-loaders';
import type { Actor } from '../../auth/actor';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';

/** What a refetch found: the object, and the brand whose visibility it needs. */
type Found = { node: Node; brandId: string } | null;

/**
 * Relay's `node(id:)` and `nodes(ids:)`: refetch any delivered object by its
 * global id, in the context the id names (clinic, mode, near point), through
 * the same loaders as the root queries, so a batch of ids costs one
 * statement per kind of read, never one per id. What the root queries would
 * not show (unpublished, another brand's drafts, no longer offered at the
 * clinic) answers null; a preview id needs the same rights as `preview: true`.
 */
@Resolver()
export class NodeResolver {
  constructor(
    private readonly brandsService: BrandsService,
    private readonly regionsService: RegionsService,
    private readonly clinicsService: ClinicsService,
    private readonly treatmentsService: TreatmentsService,
    private readonly faqsService: FaqsService,
    private readonly providersService: ProvidersService,
    private readonly pricingService: PricingService,
    private readonly resolution: ContentResolutionService,
    private readonly previewAccess: PreviewAccessService,
  ) {}

  @Query(() => Node, {
    nullable: true,
    description:
      'The delivered object with this global id, as it is now; null when it is no longer shown there.',
  })
  node(
    @Args('id', { type: () => ID, description: 'The `id` of a delivered object.' }) id: string,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<Node | null> {
    const key = decodeGlobalId(id);
    this.previewAccess.requireMode(actor, key.mode);
    return this.refetch(key, loaders, req);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects with these global ids, in order (null where not shown); at most ${MAX_PAGE_SIZE}.`,
  })
  nodes(
    @Args('ids', { type: () => [ID], description: 'The `id`s of delivered objects.' })
    ids: string[],
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<(Node | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badInput('ids', `at most ${MAX_PAGE_SIZE} ids`);
    const keys = ids.map((id, i) => decodeGlobalId(id, `ids[${i}]`));
    for (const key of keys) this.previewAccess.requireMode(actor, key.mode);
    return Promise.all(keys.map((key) => this.refetch(key, loaders, req)));
  }

  private async refetch(
    key: NodeKey,
    loaders: RequestLoaders,
    req: AuthenticatedRequest,
  ): Promise<Node | null> {
    const found = await this.find(key, loaders, req);
    if (!found) return null;
    // As in the root queries: nothing of a brand its mode does not show.
    const brand = await loaders.forMode(this.brandsService.batchById, key.mode).load(found.brandId);
    return brand ? found.node : null;
  }

  private find(key: NodeKey, loaders: RequestLoaders, req: AuthenticatedRequest): Promise<Found> {
    switch (key.type) {
      case 'Brand':
        return this.brand(key, loaders);
      case 'Region':
        return this.region(key, loaders);
      case 'Clinic':
        return this.clinic(key, loaders);
      case 'Treatment':
        return this.treatment(key, loaders);
      case 'Faq':
        return this.faq(key, loaders);
      case 'Provider':
        return this.provider(key, loaders, req);
      case 'PriceItem':
        return this.priceItem(key, loaders, req);
    }
  }

  private async brand({ itemId, mode }: NodeKey, loaders: RequestLoaders): Promise<Found> {
    const row = await loaders.forMode(this.brandsService.batchById, mode).load(itemId);
    return row && { node: toBrand(row, mode), brandId: row.id };
  }

  private async region({ itemId, mode }: NodeKey, loaders: RequestLoaders): Promise<Found> {
    const row = await loaders.forMode(this.regionsService.batchById, mode).load(itemId);
    return row && { node: toRegion(row, mode), brandId: row.brandId };
  }

  private async clinic({ itemId, mode, near }: NodeKey, loaders: RequestLoaders): Promise<Found> {
    const row = near
      ? await loaders.forMode(this.clinicsService.batchByIdNear, mode).load(nearKey(itemId, near))
      : await loaders.forMode(this.clinicsService.batchById, mode).load(itemId);
    return row && { node: this.clinicsService.toClinic(row, mode, near), brandId: row.brandId };
  }

  private async treatment(key: NodeKey, loaders: RequestLoaders): Promise<Found> {
    const { itemId, clinicId, mode } = key;
    if (!clinicId) {
      const entity = await loaders.forMode(this.treatmentsService.batchById, mode).load(itemId);
      if (!entity) return null;
      const node = await this.resolution.resolveTreatment(entity, null, mode, loaders);
      return { node, brandId: entity.brandId };
    }
    // Only the one treatment, not the clinic's whole list.
    const [clinic, entity] = await Promise.all([
      loaders.forMode(this.clinicsService.batchById, mode).load(clinicId),
      loaders
        .forMode(this.treatmentsService.batchOfferedById, mode)
        .load(offeredKey(clinicId, itemId)),
    ]);
    if (!clinic || !entity) return null;
    const node = await this.resolution.resolveTreatment(entity, clinic, mode, loaders);
    return { node, brandId: clinic.brandId };
  }

  private async faq({ itemId, clinicId, mode }: NodeKey, loaders: RequestLoaders): Promise<Found> {
    // The whole list as shown there: hides, answer overrides and tokens apply.
    let brandId: string;
    const clinic = clinicId
      ? await loaders.forMode(this.clinicsService.batchById, mode).load(clinicId)
      : null;
    if (clinicId) {
      if (!clinic) return null;
      brandId = clinic.brandId;
    } else {
      const row = await loaders.forMode(this.faqsService.batchById, mode).load(itemId);
      if (!row) return null;
      brandId = row.brandId;
    }
    const shown = await this.resolution.resolveFaqs(brandId, clinic, null, mode, loaders);
    const node = shown.find((faq) => faq.itemId === itemId);
    return node ? { node, brandId } : null;
  }

  /** A provider's answer changes when a licence expires: `req` caps its cache lifetime. */
  private async provider(
    key: NodeKey,
    loaders: RequestLoaders,
    req: AuthenticatedRequest,
  ): Promise<Found> {
    const { itemId, clinicId, mode } = key;
    const row = clinicId
      ? (await loaders.forMode(this.providersService.batchByClinic, mode).load(clinicId)).find(
          (provider) => provider.id === itemId,
        )
      : await loaders.forMode(this.providersService.batchById, mode).load(itemId);
    return row
      ? {
          node: this.providersService.toProviders([row], mode, clinicId, req)[0],
          brandId: row.brandId,
        }
      : null;
  }

  private async priceItem(
    key: NodeKey,
    loaders: RequestLoaders,
    req: AuthenticatedRequest,
  ): Promise<Found> {
    const { itemId, clinicId, mode } = key;
    const row = await loaders.forMode(this.pricingService.batchById, mode).load(itemId);
    if (!row || row.clinicId !== clinicId) return null;
    expireAnswerBy(req, row.changesAt);
    const clinic = { id: row.clinicId, brandId: row.brandId, locale: row.locale };
    return { node: this.pricingService.toPriceItem(row, clinic, mode), brandId: row.brandId };
  }
}
