import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { ItemPlacement } from '../../access/item-access';
import { CONTENT_TYPES } from '../../content-types/registry';
import type { ItemView } from '../item-view';

export enum ContentTypeName {
  BRAND = 'BRAND',
  REGION = 'REGION',
  CLINIC = 'CLINIC',
  TREATMENT = 'TREATMENT',
  FAQ = 'FAQ',
  PROVIDER = 'PROVIDER',
  CLINIC_TREATMENT = 'CLINIC_TREATMENT',
  PRICE_ITEM = 'PRICE_ITEM',
  OVERRIDE = 'OVERRIDE',
  FIELD_POLICY = 'FIELD_POLICY',
}
registerEnumType(ContentTypeName, {
  name: 'ContentType',
  description: 'A kind of editable item.',
  valuesMap: {
    BRAND: { description: 'A brand.' },
    REGION: { description: 'A region.' },
    CLINIC: { description: 'A clinic.' },
    TREATMENT: { description: 'A brand treatment.' },
    CLINIC_TREATMENT: { description: 'A clinic’s offering of a treatment.' },
    PRICE_ITEM: { description: 'A price of an offering.' },
    PROVIDER: { description: 'A provider.' },
    FAQ: { description: 'An FAQ.' },
    OVERRIDE: { description: 'A region’s or clinic’s override of a field.' },
    FIELD_POLICY: { description: 'A brand’s policy for one overridable field.' },
  },
});
if (CONTENT_TYPES.join() !== Object.values(ContentTypeName).join()) {
  throw new Error('ContentType enum out of step with CONTENT_TYPES');
}

export enum PublicationStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(PublicationStatus, {
  name: 'PublicationStatus',
  description: 'DRAFT: never delivered (or unpublished); PUBLISHED: delivered.',
  valuesMap: {
    DRAFT: { description: 'Never published, or unpublished.' },
    PUBLISHED: { description: 'Delivered.' },
    ARCHIVED: { description: 'Deleted; kept for history.' },
  },
});

@ObjectType({
  description:
    'An item as editors see it: the published values, the pending draft, and both merged (`values`).',
})
export class EditableItem {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  type: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id (a delivered object’s itemId).' })
  id: string;

  @Field(() => Int, { description: 'Send it back with your next change (optimistic locking).' })
  version: number;

  @Field(() => PublicationStatus, { description: 'Whether delivery shows the item.' })
  status: PublicationStatus;

  @Field({ description: 'True when there are unpublished changes.' })
  hasDraft: boolean;

  @Field({ description: 'True when a delete waits for publish.' })
  pendingDelete: boolean;

  @Field(() => GraphQLJSONObject, {
    description:
      'The working copy: published values with the draft applied. Free-form JSON: its keys are the fields of the item’s content type (docs/editing-reference-content.md).',
  })
  values: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, {
    description: 'What delivery serves once published; the same keys as `values`.',
  })
  publishedValues: Record<string, unknown>;

  @Field({ description: 'When the item was last saved.' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was last published; null if never.' })
  publishedAt: Date | null;

  // Not in the schema: what the field resolvers (viewerCan, clinicIds,
  // compliance) judge the item by.
  brandId: string;
  placement: ItemPlacement;
  draftFields: string[];
}

/** The GraphQL object of an item as editors read it (the one way to make one). */
export function toEditableItem(view: ItemView): EditableItem {
  return {
    ...view,
    type: ContentTypeName[view.type],
    status: PublicationStatus[view.status],
  };
}
