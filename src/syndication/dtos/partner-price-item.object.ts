import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money, PriceKind } from '../../pricing/dtos/price-item.object';

@ObjectType({
  description:
    'A published price of a treatment at a clinic. Partners show it between validFrom and validUntil.',
})
export class PartnerPriceItem {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the price.' })
  version: number;

  @Field(() => ID)
  clinicId: string;

  @Field(() => ID)
  treatmentId: string;

  @Field()
  label: string;

  @Field(() => PriceKind)
  kind: PriceKind;

  @Field(() => Money)
  amount: Money;

  @Field({ description: 'True when the amount is a starting price ("from $350").' })
  isFromPrice: boolean;

  @Field(() => Int, { nullable: true, description: 'Sessions included (packages).' })
  sessions: number | null;

  @Field(() => String, { nullable: true, description: 'First day valid (YYYY-MM-DD).' })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: 'Last day valid (YYYY-MM-DD).' })
  validUntil: string | null;

  @Field(() => Int, { description: 'Sort key among the clinic’s prices for the treatment.' })
  position: number;

  @Field()
  updatedAt: Date;
}
