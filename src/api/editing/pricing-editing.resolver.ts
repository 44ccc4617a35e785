import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { setFields } from '../../editing/editable-values';
import { assertKnownTokens } from '../../editing/token-validation';
import { OfferTreatmentInput, UpdateClinicTreatmentInput } from './dtos/clinic-treatment.inputs';
import { CreatePriceItemInput, UpdatePriceItemInput } from './dtos/price-item.inputs';
import { refusal } from '../../access/item-access';
import { WriteContext } from '../../graphql/context.decorators';

/**
 * A clinic's offerings and their prices, as drafts, by the editors of the
 * clinic (its clinic editors, its region's editors, brand-wide editors).
 * Creating under a clinic or offering out of reach is refused like one
 * that does not exist (the writer's refusal()).
 */
@Resolver()
export class PricingEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, {
    description: 'A clinic starts offering a treatment of its brand (a draft offering).',
  })
  async offerTreatment(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: OfferTreatmentInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    if (write.actor.kind === 'ANONYMOUS') throw refusal(write.actor, false);
    const values = setFields(input, ['clinicId', 'treatmentId']);
    assertKnownTokens(values);
    return toEditableItem(
      await this.drafts.create(
        write,
        'CLINIC_TREATMENT',
        { clinic_id: input.clinicId, treatment_id: input.treatmentId },
        values,
      ),
    );
  }

  @Mutation(() => EditableItem, { description: 'Changes an offering’s draft (its notes).' })
  async updateClinicTreatment(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateClinicTreatmentInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    const changes = setFields(input, ['id', 'version']);
    assertKnownTokens(changes);
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'CLINIC_TREATMENT', id: input.id, version: input.version },
        changes,
      ),
    );
  }

  @Mutation(() => EditableItem, { description: 'Adds a price to an offering (as a draft).' })
  async createPriceItem(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreatePriceItemInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    if (write.actor.kind === 'ANONYMOUS') throw refusal(write.actor, false);
    return toEditableItem(
      await this.drafts.create(
        write,
        'PRICE_ITEM',
        { clinic_treatment_id: input.clinicTreatmentId },
        setFields(input, ['clinicTreatmentId']),
      ),
    );
  }

  @Mutation(() => EditableItem, { description: 'Changes a price’s draft.' })
  async updatePriceItem(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdatePriceItemInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'PRICE_ITEM', id: input.id, version: input.version },
        setFields(input, ['id', 'version']),
      ),
    );
  }
}
