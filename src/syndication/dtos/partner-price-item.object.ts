import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Money, PriceKind } from '../../pricing/dtos/price-item.object';

@ObjectType({
  description:
    'A published price of a treatment at a clinic. Partners show it between validFrom and validUntil.',
})
export class PartnerPriceItem {
  @Field(() => ID, { description: 'The price’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the price.' })
  version: number;

  @Field(() => ID, { description: 'The clinic that charges it.' })
  clinicId: string;

  @Field(() => ID, { description: 'The treatment it is for.' })
  treatmentId: string;

  @Field({ description: 'What the price is for.' })
  label: string;

  @Field(() => PriceKind, { description: 'What the price buys.' })
  kind: PriceKind;

  @Field(() => Money, { description: 'The amount.' })
  amount: Money;

  @Field({ description: 'True when the amount is a starting price ("from $350").' })
  isFromPrice: boolean;

  @Field(() => Int, { nullable: true, description: 'Sessions included (packages).' })
  sessions: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day valid (YYYY-MM-DD).' })
  validFrom: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day valid (YYYY-MM-DD).' })
  validUntil: string | null;

  @Field(() => Int, { description: 'Sort key among the clinic’s prices for the treatment.' })
  position: number;

  @Field({ description: 'When the price last changed.' })
  updatedAt: Date;
}
