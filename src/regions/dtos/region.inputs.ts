import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsOptionalButNotNull, IsSlug } from '../../editing/input-validators';

@InputType()
export class CreateRegionInput {
  @Field({ description: 'Unique in the brand, e.g. "texas". At most 100 characters.' })
  @IsSlug()
  slug: string;

  @Field({ description: 'At most 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

@InputType()
export class UpdateRegionInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ description: 'At most 100 characters.', nullable: true })
  @IsOptionalButNotNull()
  @IsSlug()
  slug?: string;

  @Field({ description: 'At most 200 characters.', nullable: true })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}
