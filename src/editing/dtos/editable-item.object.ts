import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { CONTENT_TYPES } from '../content-types';

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
registerEnumType(ContentTypeName, { name: 'ContentType', description: 'A kind of editable item.' });
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
});

@ObjectType({
  description:
    'An item as editors see it: the published values, the pending draft, and both merged (`values`).',
})
export class EditableItem {
  @Field(() => ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Send it back with your next change (optimistic locking).' })
  version: number;

  @Field(() => PublicationStatus)
  status: PublicationStatus;

  @Field({ description: 'True when there are unpublished changes.' })
  hasDraft: boolean;

  @Field({ description: 'True when a delete waits for publish.' })
  pendingDelete: boolean;

  @Field(() => GraphQLJSONObject, {
    description: 'The working copy: published values with the draft applied.',
  })
  values: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { description: 'What delivery serves once published.' })
  publishedValues: Record<string, unknown>;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;
}
