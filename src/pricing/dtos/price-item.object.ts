import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

export enum PriceKind {
  SINGLE_SESSION = 'SINGLE_SESSION',
  PACKAGE = 'PACKAGE',
  ADD_ON = 'ADD_ON',
  CONSULTATION = 'CONSULTATION',
}
registerEnumType(PriceKind, { name: 'PriceKind' });

@ObjectType({ description: 'An amount of money: integer minor units, never a float.' })
export class Money {
  @Field(() => Int, { description: 'Minor units, e.g. cents: 34900 = $349.00.' })
  amountMinor: number;

  @Field({ description: 'ISO 4217 currency code.' })
  currency: string;

  @Field({ description: 'Formatted for the clinic’s locale, e.g. "$349.00".' })
  formatted: string;
}

@ObjectType({ description: 'One price of a treatment at a clinic.', implements: () => [Node] })
export class PriceItem {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

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
}
