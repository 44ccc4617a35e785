import { Field, ID, Int, ObjectType, PickType } from '@nestjs/graphql';
import { PriceItem } from '../../pricing/dtos/price-item.object';
import { PRICE_ITEM_SHARED_FIELDS } from '../../pricing/price-item.mapper';

@ObjectType({
  description:
    'A published price of a treatment at a clinic. Partners show it between validFrom and validUntil.',
})
export class PartnerPriceItem extends PickType(PriceItem, PRICE_ITEM_SHARED_FIELDS) {
  @Field(() => ID, { description: 'The price’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the price.' })
  version: number;

  @Field(() => ID, { description: 'The clinic that charges it.' })
  clinicId: string;

  @Field(() => ID, { description: 'The treatment it is for.' })
  treatmentId: string;

  @Field(() => Int, { description: 'Sort key among the clinic’s prices for the treatment.' })
  position: number;

  @Field({ description: 'When the price last changed.' })
  updatedAt: Date;
}
