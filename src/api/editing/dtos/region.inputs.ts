import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsOptionalButNotNull, IsSlug } from '../../../editing/input-validators';

@InputType({ description: 'A new region (as a draft).' })
export class CreateRegionInput {
  @Field({ description: 'Unique in the brand, e.g. "texas". At most 100 characters.' })
  @IsSlug()
  slug: string;

  @Field({ description: 'Display name. At most 200 characters.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

@InputType({ description: 'Changes to a region’s draft; fields left out keep their value.' })
export class UpdateRegionInput {
  @Field(() => ID, { description: 'The region’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'Unique in the brand. At most 100 characters.' })
  @IsOptionalButNotNull()
  @IsSlug()
  slug?: string;

  @Field({ nullable: true, description: 'Display name. At most 200 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}
