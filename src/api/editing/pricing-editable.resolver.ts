import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EditorReadsService } from '../../editing/editor-reads.service';
import { EditableItem } from '../../editing/dtos/editable-item.object';
import { EDITABLE_TWIN_DESCRIPTION, EditableTwin } from './editable-twin.resolver';
import type { Actor } from '../../auth/actor';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { Treatment } from '../../treatments/dtos/treatment.object';
import { PriceItem } from '../../pricing/dtos/price-item.object';
import { offeringKey, PricingService } from '../../pricing/pricing.service';
import { checkBrandAccess } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import { CurrentActor, WriteContext, Loaders } from '../../graphql/context.decorators';

/** A price's editable twin: its version and whether the caller may change or delete it. */
@Resolver(() => PriceItem)
export class PriceItemEditableResolver extends EditableTwin {
  constructor(reads: EditorReadsService) {
    super(reads, 'PRICE_ITEM');
  }

  @ResolveField(() => EditableItem, { nullable: true, description: EDITABLE_TWIN_DESCRIPTION })
  editable(
    @Parent() price: PriceItem,
    @WriteContext() write: WriteContext,
    @Loaders() loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    return this.load(price.itemId, price.brandId, write, loaders);
  }
}

/**
 * The clinic's offering of a treatment resolved for it: the item new prices
 * belong to (createPriceItem's clinicTreatmentId), with the caller's rights.
 */
@Resolver(() => Treatment)
export class TreatmentOfferingResolver extends EditableTwin {
  constructor(
    reads: EditorReadsService,
    private readonly pricing: PricingService,
  ) {
    super(reads, 'CLINIC_TREATMENT');
  }

  @ResolveField(() => EditableItem, {
    nullable: true,
    description:
      'This clinic’s offering of the treatment as editors edit it: its id is the `clinicTreatmentId` of new prices, its `viewerCan.edit` says whether the caller may add them. Null for the brand version, and unless the caller may read the brand’s drafts.',
  })
  async offering(
    @Parent() treatment: Treatment,
    @WriteContext() write: WriteContext,
    @Loaders() loaders: RequestLoaders,
  ): Promise<EditableItem | null> {
    const clinic = treatment.clinic;
    if (!clinic) return null;
    const offeringId = await loaders
      .forMode(this.pricing.batchOfferingIds, treatment.mode)
      .load(offeringKey(clinic.id, treatment.itemId));
    return offeringId ? this.load(offeringId, treatment.brandId, write, loaders) : null;
  }

  @ResolveField(() => [PriceItem], {
    nullable: true,
    description:
      'Every price of this clinic’s offering, upcoming and ended ones included (each with its `validity`), in the clinic’s order: what editors manage, where `prices` delivers only today’s. Null for the brand version, and unless the caller may read the brand’s drafts.',
  })
  async pricesForEditors(
    @Parent() treatment: Treatment,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PriceItem[] | null> {
    const clinic = treatment.clinic;
    if (!clinic || !checkBrandAccess(actor, Permission.DraftRead, treatment.brandId)) return null;
    const rows = await loaders
      .forMode(this.pricing.batchByOffering, treatment.mode)
      .load(offeringKey(clinic.id, treatment.itemId));
    return rows.map((row) => this.pricing.toPriceItem(row, clinic, treatment.mode));
  }
}
