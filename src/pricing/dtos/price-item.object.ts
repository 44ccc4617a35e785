import { GraphQLCurrency, GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

export enum PriceKind {
  SINGLE_SESSION = 'SINGLE_SESSION',
  PACKAGE = 'PACKAGE',
  ADD_ON = 'ADD_ON',
  CONSULTATION = 'CONSULTATION',
}
registerEnumType(PriceKind, {
  name: 'PriceKind',
  description: 'What a price buys.',
  valuesMap: {
    SINGLE_SESSION: { description: 'One session.' },
    PACKAGE: { description: 'Several sessions at one price (see sessions).' },
    ADD_ON: { description: 'An extra on top of a session.' },
    CONSULTATION: { description: 'A consultation.' },
  },
});

export enum PriceValidity {
  CURRENT = 'CURRENT',
  UPCOMING = 'UPCOMING',
  ENDED = 'ENDED',
}
registerEnumType(PriceValidity, {
  name: 'PriceValidity',
  description: 'Where a price’s validity dates stand on the clinic’s today (in its time zone).',
  valuesMap: {
    CURRENT: { description: 'Valid today: delivered.' },
    UPCOMING: { description: 'Its first day is still to come: delivered from then.' },
    ENDED: { description: 'Its last day has passed: no longer delivered.' },
  },
});

@ObjectType({ description: 'An amount of money: integer minor units, never a float.' })
export class Money {
  @Field(() => Int, { description: 'Minor units, e.g. cents: 34900 = $349.00.' })
  amountMinor: number;

  @Field(() => GraphQLCurrency, { description: 'ISO 4217 currency code.' })
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

  @Field({ description: 'What the price is for, e.g. "Package of 3 sessions".' })
  label: string;

  @Field(() => PriceKind, { description: 'What the price buys.' })
  kind: PriceKind;

  @Field(() => Money, { description: 'The amount, in minor units and formatted.' })
  amount: Money;

  @Field({ description: 'True when the amount is a starting price ("from $350").' })
  isFromPrice: boolean;

  @Field(() => Int, { nullable: true, description: 'Sessions included (packages).' })
  sessions: number | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'First day valid (YYYY-MM-DD).' })
  validFrom: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day valid (YYYY-MM-DD).' })
  validUntil: string | null;

  @Field(() => PriceValidity, {
    description:
      'Whether the price is valid today at the clinic; delivered prices are always CURRENT, editors also see UPCOMING and ENDED ones (`Treatment.pricesForEditors`).',
  })
  validity: PriceValidity;

  /** Not exposed: the brand of the clinic that charges it (who may read its working copy). */
  brandId: string;
}
