import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { refusal } from '../editing/access-rules';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { setFields } from '../editing/editable-values';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import { assertKnownTokens } from '../editing/token-validation';
import type { GraphqlContext } from '../graphql/graphql-context';
import { OfferTreatmentInput, UpdateClinicTreatmentInput } from './dtos/clinic-treatment.inputs';
import { CreatePriceItemInput, UpdatePriceItemInput } from './dtos/price-item.inputs';

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
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    if (context.actor.kind === 'ANONYMOUS') throw refusal(context.actor, false);
    const values = setFields(input, ['clinicId', 'treatmentId']);
    assertKnownTokens(values);
    return asEditableItem(
      await this.drafts.create(
        apiWrite(context),
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
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    const changes = setFields(input, ['id', 'version']);
    assertKnownTokens(changes);
    return asEditableItem(
      await this.drafts.update(
        apiWrite(context),
        { type: 'CLINIC_TREATMENT', id: input.id, version: input.version },
        changes,
      ),
    );
  }

  @Mutation(() => EditableItem, { description: 'Adds a price to an offering (as a draft).' })
  async createPriceItem(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreatePriceItemInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    if (context.actor.kind === 'ANONYMOUS') throw refusal(context.actor, false);
    return asEditableItem(
      await this.drafts.create(
        apiWrite(context),
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
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    return asEditableItem(
      await this.drafts.update(
        apiWrite(context),
        { type: 'PRICE_ITEM', id: input.id, version: input.version },
        setFields(input, ['id', 'version']),
      ),
    );
  }
}
