import { Field, ID, InputType } from '@nestjs/graphql';
import {
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ClaimSeverity } from '../../../compliance/dtos/claim-rule.object';

@InputType({ description: 'A claim rule: a phrase or a pattern, its severity and reason.' })
export class ClaimRuleInput {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to match as whole words in any case (give this or pattern). At most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'phrase must not be blank' })
  @MaxLength(200)
  phrase?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'An RE2 regular expression, matched in any case (give this or phrase). At most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  pattern?: string | null;

  @Field(() => ClaimSeverity, { description: 'BLOCK refuses publish; WARN only warns.' })
  @IsEnum(ClaimSeverity)
  severity: ClaimSeverity;

  @Field({ description: 'Why the wording is a problem, for editors. At most 2000 characters.' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only content shown in this region of your brand (or give state, or neither).',
  })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only content shown at clinics in this state: two upper-case letters, e.g. "TX".',
  })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be two upper-case letters' })
  state?: string | null;
}

@InputType({ description: 'A changed claim rule: every field is replaced.' })
export class UpdateClaimRuleInput extends ClaimRuleInput {
  @Field(() => ID, { description: 'The rule’s id.' })
  @IsUUID()
  id: string;
}

@InputType({ description: 'A claim rule to delete.' })
export class DeleteClaimRuleInput {
  @Field(() => ID, { description: 'The rule’s id.' })
  @IsUUID()
  id: string;
}
