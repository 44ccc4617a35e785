import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  Matches,
  IsUUID,
  Min,
  MinDate,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../graphql/connection';
import { ContentTypeName } from './editable-item.object';

@InputType({ description: 'An item and the version your change is based on.' })
export class ItemRefInput {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType({ description: 'Items to publish together, all or none.' })
export class PublishInput {
  @Field(() => [ItemRefInput], { description: 'A changeset: all of it goes live, or none.' })
  @ValidateNested({ each: true })
  @Type(() => ItemRefInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique((ref: ItemRefInput) => `${ref.type}:${ref.id}`, {
    message: 'must name each item once',
  })
  items: ItemRefInput[];
}

@InputType({ description: 'Items to publish together at a given time.' })
export class SchedulePublishInput extends PublishInput {
  @Field({ description: 'When to publish (ISO 8601, in the future).' })
  @Type(() => Date)
  @IsDate()
  @MinDate(() => new Date(), { message: 'must be in the future' })
  publishAt: Date;
}

@InputType({ description: 'An item to take out of delivery.' })
export class UnpublishInput {
  @Field(() => ItemRefInput, { description: 'The item and the version your change is based on.' })
  @ValidateNested()
  @Type(() => ItemRefInput)
  item: ItemRefInput;
}

@InputType({ description: 'An item to delete (the delete is a draft until published).' })
export class DeleteItemInput {
  @Field(() => ItemRefInput, { description: 'The item and the version your change is based on.' })
  @ValidateNested()
  @Type(() => ItemRefInput)
  item: ItemRefInput;
}

@InputType({ description: 'Puts an earlier revision’s values back as a draft.' })
export class RestoreRevisionInput {
  @Field(() => ID, { description: 'The revision to restore.' })
  @Matches(/^\d{1,18}$/, { message: 'must be a revision id' })
  revisionId: string;

  @Field(() => Int, { description: 'The item’s current version.' })
  @IsInt()
  @Min(1)
  version: number;
}

@ArgsType()
export class ItemArgs {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id (itemId).' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class RevisionsArgs extends PageArgs {
  @Field(() => ContentTypeName, { description: 'The kind of item.' })
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID, { description: 'The item’s id (itemId).' })
  @IsUUID()
  id: string;
}
