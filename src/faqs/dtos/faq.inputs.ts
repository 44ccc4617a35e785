import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OverridePlaceFields } from '../../overrides/dtos/override.inputs';

const MAX_ANSWER = 20_000;
const MIN_POSITION = -1_000_000;
const MAX_POSITION = 1_000_000;

/**
 * The editable fields of a FAQ; every one optional on update (never null).
 * Region and clinic overrides of a brand FAQ are checked by these rules too
 * (overrides/override-values.ts).
 */
@InputType({ isAbstract: true })
export class FaqFieldsInput {
  @Field({
    nullable: true,
    description: 'Plain text; may contain {{tokens}}. At most 500 characters.',
  })
  @ValidateIf((input: FaqFieldsInput) => input.question !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  question?: string;

  @Field({
    nullable: true,
    description: `Markdown; may contain {{tokens}}. At most ${MAX_ANSWER} characters.`,
  })
  @ValidateIf((input: FaqFieldsInput) => input.answer !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ANSWER)
  answer?: string;

  @Field(() => [ID], { nullable: true, description: 'The treatments it is about.' })
  @ValidateIf((input: FaqFieldsInput) => input.treatmentIds !== undefined)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  treatmentIds?: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Place in its list, lowest first (new FAQs default to the end).',
  })
  @ValidateIf((input: FaqFieldsInput) => input.position !== undefined)
  @IsInt()
  @Min(MIN_POSITION)
  @Max(MAX_POSITION)
  position?: number;
}

@InputType({ description: 'A new FAQ (as a draft).' })
export class CreateFaqInput extends FaqFieldsInput {
  @Field({ description: 'Plain text; may contain {{tokens}}. At most 500 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  declare question: string;

  @Field({ description: `Markdown; may contain {{tokens}}. At most ${MAX_ANSWER} characters.` })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ANSWER)
  declare answer: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A clinic-only FAQ of this clinic; omit for a brand-wide FAQ.',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string;
}

@InputType({ description: 'Changes to an FAQ’s draft; fields left out keep their value.' })
export class UpdateFaqInput extends FaqFieldsInput {
  @Field(() => ID, { description: 'The FAQ’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;
}

/** A brand FAQ and the region or clinic whose list shows or hides it. */
@InputType({ isAbstract: true })
abstract class FaqVisibilityFields extends OverridePlaceFields {
  @Field(() => ID, { description: 'A brand FAQ.' })
  @IsUUID()
  faqId: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of the place’s `hidden` override of this FAQ; omit when it has none.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType({ description: 'Hides a brand FAQ at a region or clinic.' })
export class HideFaqInput extends FaqVisibilityFields {}

@InputType({ description: 'Shows a hidden brand FAQ again at a region or clinic.' })
export class ShowFaqInput extends FaqVisibilityFields {}

@InputType({ description: 'A FAQ and its new place in the list.' })
export class FaqPositionInput {
  @Field(() => ID, { description: 'The FAQ’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'Its new position.' })
  @IsInt()
  @Min(MIN_POSITION)
  @Max(MAX_POSITION)
  position: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The FAQ’s version (brand list; a clinic’s own FAQ) or, for a brand FAQ in a clinic’s list, the version of the clinic’s position override (omit when it has none).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType({ description: 'New positions of FAQs in a list.' })
export class ReorderFaqsInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Reorder this clinic’s list; omit to reorder the brand’s FAQs.',
  })
  @IsOptional()
  @IsUUID()
  clinicId?: string;

  @Field(() => [FaqPositionInput], { description: 'All of them apply, or none.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FaqPositionInput)
  items: FaqPositionInput[];
}
