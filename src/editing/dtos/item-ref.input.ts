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
  @Field(() => ContentTypeName)
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;
}

@InputType()
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

@InputType()
export class SchedulePublishInput extends PublishInput {
  @Field({ description: 'When to publish (ISO 8601, in the future).' })
  @Type(() => Date)
  @IsDate()
  @MinDate(() => new Date(), { message: 'must be in the future' })
  publishAt: Date;
}

@InputType()
export class UnpublishInput {
  @Field(() => ItemRefInput)
  @ValidateNested()
  @Type(() => ItemRefInput)
  item: ItemRefInput;
}

@InputType()
export class DeleteItemInput {
  @Field(() => ItemRefInput)
  @ValidateNested()
  @Type(() => ItemRefInput)
  item: ItemRefInput;
}

@InputType()
export class RestoreRevisionInput {
  @Field(() => ID)
  @Matches(/^\d{1,18}$/, { message: 'must be a revision id' })
  revisionId: string;

  @Field(() => Int, { description: 'The item’s current version.' })
  @IsInt()
  @Min(1)
  version: number;
}

@ArgsType()
export class ItemArgs {
  @Field(() => ContentTypeName)
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class RevisionsArgs extends PageArgs {
  @Field(() => ContentTypeName)
  @IsEnum(ContentTypeName)
  type: ContentTypeName;

  @Field(() => ID)
  @IsUUID()
  id: string;
}
