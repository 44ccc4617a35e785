import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalButNotNull, IsSlug } from '../../../editing/input-validators';

const MAX_BIO = 20_000;

/** Provider fields; every one optional on update. */
@InputType({ isAbstract: true })
class ProviderFieldsInput {
  @Field({ nullable: true, description: 'Full name. At most 200 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Post-nominal credentials, e.g. ["MD", "FAAD"]. Brand-wide editors only.',
  })
  @IsOptionalButNotNull()
  @ArrayMaxSize(10)
  @Matches(/^\S(.{0,28}\S)?$/, {
    each: true,
    message: '$property must hold 1 to 30 characters each, without surrounding spaces',
  })
  credentials?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'E.g. "Aesthetic Nurse"; null = none. At most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string | null;

  @Field({
    nullable: true,
    description: `Markdown; may hold tokens such as {{clinic.name}}. At most ${MAX_BIO} characters.`,
  })
  @IsOptionalButNotNull()
  @IsString()
  @MaxLength(MAX_BIO)
  bio?: string;

  @Field(() => String, {
    nullable: true,
    description: 'An https URL; null = none. At most 2000 characters.',
  })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  photoUrl?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Clinics of your brand the provider works at (the whole list). Brand-wide editors only.',
  })
  @IsOptionalButNotNull()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  clinicIds?: string[];

  @Field(() => [ID], {
    nullable: true,
    description:
      'Treatments of your brand the provider performs (the whole list). Brand-wide editors only.',
  })
  @IsOptionalButNotNull()
  @ArrayMaxSize(200)
  @IsUUID(undefined, { each: true })
  treatmentIds?: string[];
}

@InputType({ description: 'A new provider (as a draft).' })
export class CreateProviderInput extends ProviderFieldsInput {
  @Field({ description: 'Unique in the brand, e.g. "maya-ellison". At most 100 characters.' })
  @IsSlug()
  slug: string;

  @Field({ description: 'Full name. At most 200 characters.' })
  declare name: string;
}

@InputType({ description: 'Changes to a provider’s draft; fields left out keep their value.' })
export class UpdateProviderInput extends ProviderFieldsInput {
  @Field(() => ID, { description: 'The provider’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'Brand-wide editors only. At most 100 characters.' })
  @IsOptionalButNotNull()
  @IsSlug()
  slug?: string;
}
