import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { SLUG_PATTERN } from '../../editing/input-validators';

const MAX_TEXT = 20_000;

@ValidatorConstraint({ name: 'minNotAboveMax' })
class MinNotAboveMax implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments) {
    const range = args.object as FactRangeInput;
    return range.min <= range.max;
  }
  defaultMessage() {
    return 'min must not be greater than max';
  }
}

@InputType({ description: 'An inclusive range.' })
export class FactRangeInput {
  @Field(() => Int, { description: 'Lower bound, inclusive.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  min: number;

  @Field(() => Int, { description: 'Upper bound, at least min.' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  @Validate(MinNotAboveMax)
  max: number;
}

@InputType({ description: 'Key figures of a treatment; each a range, null to clear.' })
export class TreatmentFactsInput {
  @Field(() => FactRangeInput, { nullable: true, description: 'Session length, in minutes.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FactRangeInput)
  durationMinutes?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true, description: 'Days of downtime.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FactRangeInput)
  recoveryDays?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true, description: 'Sessions usually needed.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FactRangeInput)
  sessions?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true, description: 'Weeks between sessions.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FactRangeInput)
  sessionIntervalWeeks?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true, description: 'Maintenance sessions per year.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => FactRangeInput)
  maintenancePerYear?: FactRangeInput;
}

@InputType({ description: 'One titled section of a treatment page.' })
export class TreatmentSectionInput {
  @Field({ description: 'Stable key, e.g. "how-it-works". At most 100 characters.' })
  @Matches(SLUG_PATTERN, { message: 'key must be lower-case words joined by hyphens' })
  @MaxLength(100)
  key: string;

  @Field({ description: 'Section title. At most 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  heading: string;

  @Field({ description: 'Markdown. At most 20000 characters.' })
  @IsString()
  @MaxLength(MAX_TEXT)
  body: string;
}

/**
 * The editable fields of a treatment; every one optional on update. Region
 * and clinic overrides of a field are checked by these rules too
 * (overrides/override-values.ts).
 */
@InputType({ isAbstract: true })
export class TreatmentFieldsInput {
  @Field({ nullable: true, description: 'Display name. At most 200 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names people search for. Each at most 200 characters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field({ nullable: true, description: `Markdown. At most ${MAX_TEXT} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  summary?: string;

  @Field(() => [TreatmentSectionInput], {
    nullable: true,
    description: 'The page body, in order; replaces the list.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique((section: TreatmentSectionInput) => section?.key, {
    message: 'sections must not repeat a key',
  })
  @ValidateNested({ each: true })
  @Type(() => TreatmentSectionInput)
  sections?: TreatmentSectionInput[];

  @Field(() => TreatmentFactsInput, {
    nullable: true,
    description: 'Duration, recovery, sessions and maintenance.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TreatmentFactsInput)
  facts?: TreatmentFactsInput;

  @Field(() => [String], {
    nullable: true,
    description: 'Aftercare instructions; replaces the list. Each at most 1000 characters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  aftercare?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'When not advised; replaces the list. Each at most 1000 characters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  contraindications?: string[];

  @Field(() => [String], {
    nullable: true,
    description:
      'Slugs of treatments that combine well; replaces the list. Each at most 200 characters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  combinesWith?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Markdown; null clears it. At most 20000 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  disclaimer?: string | null;
}

@InputType({ description: 'A new brand treatment (as a draft).' })
export class CreateTreatmentInput extends TreatmentFieldsInput {
  @Field({ description: 'Unique in the brand, e.g. "micro-needling". At most 100 characters.' })
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(100)
  slug: string;

  @Field({ description: 'Display name. At most 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  declare name: string;
}

@InputType({ description: 'Changes to a treatment’s draft; fields left out keep their value.' })
export class UpdateTreatmentInput extends TreatmentFieldsInput {
  @Field(() => ID, { description: 'The treatment’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'Unique in the brand. At most 100 characters.' })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(100)
  slug?: string;
}
