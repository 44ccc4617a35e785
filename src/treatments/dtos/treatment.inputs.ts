import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
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

@InputType()
export class FactRangeInput {
  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000)
  min: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000)
  @Validate(MinNotAboveMax)
  max: number;
}

@InputType()
export class TreatmentFactsInput {
  @Field(() => FactRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactRangeInput)
  durationMinutes?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactRangeInput)
  recoveryDays?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactRangeInput)
  sessions?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactRangeInput)
  sessionIntervalWeeks?: FactRangeInput;

  @Field(() => FactRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FactRangeInput)
  maintenancePerYear?: FactRangeInput;
}

@InputType()
export class TreatmentSectionInput {
  @Field({ description: 'At most 100 characters.' })
  @Matches(SLUG_PATTERN, { message: 'key must be lower-case words joined by hyphens' })
  @MaxLength(100)
  key: string;

  @Field({ description: 'At most 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  heading: string;

  @Field({ description: 'Markdown. At most 20000 characters.' })
  @IsString()
  @MaxLength(MAX_TEXT)
  body: string;
}

/** The editable fields of a treatment; every one optional on update. */
@InputType({ isAbstract: true })
class TreatmentFieldsInput {
  @Field({ nullable: true, description: 'At most 200 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Each at most 200 characters.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field({ nullable: true, description: `Markdown. At most ${MAX_TEXT} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  summary?: string;

  @Field(() => [TreatmentSectionInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TreatmentSectionInput)
  sections?: TreatmentSectionInput[];

  @Field(() => TreatmentFactsInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TreatmentFactsInput)
  facts?: TreatmentFactsInput;

  @Field(() => [String], { nullable: true, description: 'Each at most 1000 characters.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  aftercare?: string[];

  @Field(() => [String], { nullable: true, description: 'Each at most 1000 characters.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  contraindications?: string[];

  @Field(() => [String], { nullable: true, description: 'Each at most 200 characters.' })
  @IsOptional()
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

@InputType()
export class CreateTreatmentInput extends TreatmentFieldsInput {
  @Field({ description: 'At most 100 characters.' })
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(100)
  slug: string;

  @Field({ description: 'At most 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  declare name: string;
}

@InputType()
export class UpdateTreatmentInput extends TreatmentFieldsInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ description: 'At most 100 characters.', nullable: true })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by hyphens' })
  @MaxLength(100)
  slug?: string;
}
