import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SYNDICATED_TYPES } from '../syndicated-types';
import { PartnerClinic } from './partner-clinic.object';
import { PartnerFaq } from './partner-faq.object';
import type { PartnerItemOf } from './partner-item';
import { PartnerPriceItem } from './partner-price-item.object';
import { PartnerTreatment } from './partner-treatment.object';

export enum SyndicatedTypeName {
  CLINIC = 'CLINIC',
  TREATMENT = 'TREATMENT',
  FAQ = 'FAQ',
  PRICE_ITEM = 'PRICE_ITEM',
}
registerEnumType(SyndicatedTypeName, {
  name: 'SyndicatedType',
  description: 'The kinds of content partners sync.',
  valuesMap: {
    CLINIC: { description: 'A clinic.' },
    TREATMENT: { description: 'A brand treatment.' },
    FAQ: { description: 'An FAQ, brand-wide or a clinic’s own.' },
    PRICE_ITEM: { description: 'A price of a treatment at a clinic.' },
  },
});
if (SYNDICATED_TYPES.join() !== Object.values(SyndicatedTypeName).join()) {
  throw new Error('SyndicatedType enum out of step with SYNDICATED_TYPES');
}

export enum ChangeOperationName {
  UPSERT = 'UPSERT',
  DELETE = 'DELETE',
}
registerEnumType(ChangeOperationName, {
  name: 'ChangeOperation',
  description: 'What to do with an item of the change feed.',
  valuesMap: {
    UPSERT: { description: 'Store `item` under (type, id), replacing what you had.' },
    DELETE: {
      description: 'A tombstone: drop (type, id). It was deleted or unpublished.',
    },
  },
});

@ObjectType({ description: 'One item to store or drop, in commit order.' })
export class ContentChange {
  @Field(() => ChangeOperationName, { description: 'UPSERT (store the item) or DELETE (drop it).' })
  operation: ChangeOperationName;

  @Field(() => SyndicatedTypeName, { description: 'The kind of item.' })
  type: SyndicatedTypeName;

  @Field(() => ID, { description: 'The item’s id (raw, the same as itemId in delivery).' })
  id: string;

  @Field(() => Int, { description: 'The item’s version; later changes carry higher versions.' })
  version: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Position in the brand’s change feed (a decimal string); null for the initial copy of the published state.',
  })
  sequence: string | null;

  @Field(() => PartnerClinic, {
    nullable: true,
    description: 'The clinic as published now (UPSERT of a CLINIC); else null.',
  })
  clinic: PartnerClinic | null;

  @Field(() => PartnerTreatment, {
    nullable: true,
    description: 'The treatment as published now (UPSERT of a TREATMENT); else null.',
  })
  treatment: PartnerTreatment | null;

  @Field(() => PartnerFaq, {
    nullable: true,
    description: 'The FAQ as published now (UPSERT of an FAQ); else null.',
  })
  faq: PartnerFaq | null;

  @Field(() => PartnerPriceItem, {
    nullable: true,
    description: 'The price as published now (UPSERT of a PRICE_ITEM); else null.',
  })
  priceItem: PartnerPriceItem | null;

  /** Not exposed: the item behind whichever of the fields above is set. */
  item: PartnerItemOf | null;
}

@ObjectType({ description: 'A page of the change feed.' })
export class ContentChangePage {
  @Field(() => [ContentChange], { description: 'The changes, in commit order.' })
  changes: ContentChange[];

  @Field({
    description:
      'Pass as `after` in your next call; store it once you have stored this page. Never null.',
  })
  endCursor: string;

  @Field({
    description: 'True when more is waiting now: call again at once. False: you are up to date.',
  })
  hasMore: boolean;

  @Field({
    description:
      'The deployment epoch the sequences belong to; a restore of the database starts a new one (webhook events carry it as `data.epoch`).',
  })
  epoch: string;

  /**
   * Where the brand's feed stood when the page was read
   * (ChangeFeedService.position). Not a GraphQL field: FeedReadAhead keeps
   * it with a page read ahead.
   */
  position: string;
}
