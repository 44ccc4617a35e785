import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ItemRefInput } from '../../../editing/dtos/item-ref.input';
import { FieldApproval } from '../../../compliance/dtos/clinical-status.object';

export enum ReviewDecision {
  APPROVED = 'APPROVED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'A medical reviewer’s word on a draft.',
  valuesMap: {
    APPROVED: { description: 'The exact draft may be published.' },
    CHANGES_REQUESTED: { description: 'The draft needs changes (see the comment).' },
  },
});

@ObjectType({ description: 'A medical review of an item’s draft (append-only).' })
export class MedicalReview {
  @Field(() => ID, { description: 'The review’s id.' })
  id: string;

  @Field(() => ReviewDecision, { description: 'Approved, or changes requested.' })
  decision: ReviewDecision;

  @Field(() => [String], {
    description: 'The regulated fields the draft changed, as "TYPE.field".',
  })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'The reviewer’s comment.' })
  comment: string | null;

  @Field({ description: 'Who reviewed (their email).' })
  reviewerLabel: string;

  @Field(() => Int, { description: 'The item version reviewed.' })
  itemVersion: number;

  @Field({
    description:
      'SHA-256 of the reviewed content: the approval holds while the draft hashes alike.',
  })
  contentHash: string;

  @Field(() => Date, {
    nullable: true,
    description: 'For an approval: when the approved value is due for re-review.',
  })
  reviewDueAt: Date | null;

  @Field({ description: 'When the review was given.' })
  createdAt: Date;
}

@ObjectType({ description: 'Where an item’s draft stands in medical review.' })
export class ItemMedicalReview {
  @Field(() => [String], {
    description: 'The regulated fields ("TYPE.field") its draft would change on publish.',
  })
  regulatedChanges: string[];

  @Field({ description: 'Whether a medical reviewer approved exactly this draft.' })
  approved: boolean;

  @Field({
    description:
      'Whether publishing it now is refused for want of approval (the brand requires review, and the draft has unapproved regulated changes).',
  })
  blocksPublish: boolean;

  @Field({ description: 'SHA-256 of the working copy, which an approval binds to.' })
  contentHash: string;

  @Field(() => [MedicalReview], { description: 'Every review of the item, newest first.' })
  history: MedicalReview[];

  @Field(() => [FieldApproval], {
    description:
      'The approvals standing for its live regulated values, with their re-review dates (beside `fieldSources` on delivery).',
  })
  approvals: FieldApproval[];
}

@InputType({ description: 'A medical review of an item’s draft.' })
export class ReviewDraftInput {
  @Field(() => ItemRefInput, {
    description: 'The item and the version you reviewed (a later save is refused as CONFLICT).',
  })
  @ValidateNested()
  @Type(() => ItemRefInput)
  item: ItemRefInput;

  @Field(() => String, {
    nullable: true,
    description: 'A comment for the editors. At most 5000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string | null;
}

@InputType({ description: 'A change request on an item’s draft: say what to change.' })
export class RequestChangesInput extends ReviewDraftInput {
  @Field({ description: 'What the editors should change. 1 to 5000 characters.' })
  @IsString()
  @Matches(/\S/, { message: 'comment must not be blank' })
  @MaxLength(5000)
  declare comment: string;
}
