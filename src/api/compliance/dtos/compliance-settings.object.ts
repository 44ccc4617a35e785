import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { IsOptionalButNotNull } from '../../../editing/input-validators';

@ObjectType({ description: 'How your brand checks clinical content (docs/compliance.md).' })
export class ComplianceSettings {
  @Field({
    description:
      'Whether a changeset with an unapproved change of a regulated field is refused at publish (false until a brand admin turns it on).',
  })
  medicalReviewRequired: boolean;

  @Field(() => Int, {
    description: 'Months an approval lasts before the approved value is due for re-review.',
  })
  reviewIntervalMonths: number;

  @Field(() => [String], {
    description:
      'The regulated (clinical) fields, as "TYPE.field" (e.g. "TREATMENT.disclaimer"), at every level: the brand value and region and clinic overrides of it.',
  })
  regulatedFields: string[];
}

@InputType({ description: 'Changes to the compliance settings; fields left out keep their value.' })
export class UpdateComplianceSettingsInput {
  @Field({ nullable: true, description: 'Require medical approval of regulated changes.' })
  @IsOptionalButNotNull()
  @IsBoolean()
  medicalReviewRequired?: boolean;

  @Field(() => Int, { nullable: true, description: 'Months an approval lasts: 1 to 60.' })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(1)
  @Max(60)
  reviewIntervalMonths?: number;

  @Field(() => [String], {
    nullable: true,
    description:
      'The whole list of regulated fields, as "TYPE.field" of TREATMENT, FAQ or PROVIDER (e.g. "FAQ.answer").',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  regulatedFields?: string[];
}
