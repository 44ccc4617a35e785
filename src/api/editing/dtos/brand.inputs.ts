import { GraphQLCurrency, GraphQLLocale } from 'graphql-scalars';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  IsCurrencyCode,
  IsLocaleTag,
  IsOptionalButNotNull,
} from '../../../editing/input-validators';

@InputType({ description: 'Changes to your brand’s draft; fields left out keep their value.' })
export class UpdateBrandInput {
  @Field(() => ID, { description: 'The brand’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'Display name. At most 200 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => GraphQLLocale, { nullable: true, description: 'BCP 47 locale, e.g. en-US.' })
  @IsOptionalButNotNull()
  @IsLocaleTag()
  locale?: string;

  @Field(() => GraphQLCurrency, {
    nullable: true,
    description: 'ISO 4217 currency code, e.g. USD.',
  })
  @IsOptionalButNotNull()
  @IsCurrencyCode()
  currency?: string;

  @Field(() => String, {
    nullable: true,
    description: 'http(s) URL; null clears it. At most 2000 characters.',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  websiteUrl?: string | null;
}
