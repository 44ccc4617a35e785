import { GraphQLCountryCode, GraphQLCurrency, GraphQLLocale } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO31661Alpha2,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  IsCurrencyCode,
  IsLocaleTag,
  IsOptionalButNotNull,
  IsSlug,
  IsTimeZone,
} from '../../../editing/input-validators';
import { ClinicStatus, Weekday } from '../../../clinics/dtos/clinic.object';

// "+1 512-555-0142", "(512) 555-0142", "030 1234567".
const PHONE = /^\+?[0-9(][0-9 ().-]{1,38}[0-9]$/;

@InputType({ description: 'One opening interval, in the clinic’s local time.' })
export class OpeningHoursInput {
  @Field(() => Weekday, { description: 'Day of the week.' })
  @IsEnum(Weekday)
  day: Weekday;

  @Field({ description: '"HH:MM", 24-hour clock. At most 5 characters.' })
  @IsString()
  @MaxLength(5)
  opens: string;

  @Field({ description: '"HH:MM", 24-hour clock, later than opens. At most 5 characters.' })
  @IsString()
  @MaxLength(5)
  closes: string;
}

/** Clinic fields every editor of the clinic may set; every one optional on update. */
@InputType({ isAbstract: true })
class ClinicFieldsInput {
  @Field({ nullable: true, description: 'Display name. At most 200 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true, description: 'Street and number. At most 200 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  addressLine1?: string;

  @Field(() => String, { nullable: true, description: 'Null = none. At most 200 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine2?: string | null;

  @Field({ nullable: true, description: 'City or town. At most 100 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city?: string;

  @Field(() => String, {
    nullable: true,
    description: 'State or province; null = none. At most 100 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  addressRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Null = none. At most 20 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => GraphQLCountryCode, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2, upper case, e.g. US.',
  })
  @IsOptionalButNotNull()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be two upper-case letters' })
  @IsISO31661Alpha2()
  country?: string;

  @Field(() => Float, { nullable: true, description: 'Degrees, -90 to 90.' })
  @IsOptionalButNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude?: number;

  @Field(() => Float, { nullable: true, description: 'Degrees, -180 to 180.' })
  @IsOptionalButNotNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude?: number;

  @Field(() => String, { nullable: true, description: 'Null = none.' })
  @IsOptional()
  @Matches(PHONE, { message: '$property must be a phone number such as "+1 512-555-0142"' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Null = none. At most 320 characters.' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string | null;

  @Field({ nullable: true, description: 'IANA time zone, e.g. America/Chicago.' })
  @IsOptionalButNotNull()
  @IsTimeZone()
  timezone?: string;

  @Field(() => GraphQLLocale, {
    nullable: true,
    description: 'BCP 47 locale used to format prices, e.g. en-US.',
  })
  @IsOptionalButNotNull()
  @IsLocaleTag()
  locale?: string;

  @Field(() => [OpeningHoursInput], {
    nullable: true,
    description: 'The whole week; replaces the hours stored.',
  })
  @IsOptionalButNotNull()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursInput)
  openingHours?: OpeningHoursInput[];

  @Field(() => ClinicStatus, {
    nullable: true,
    description: 'Whether the clinic takes patients; OPEN when left out.',
  })
  @IsOptionalButNotNull()
  @IsEnum(ClinicStatus)
  operatingStatus?: ClinicStatus;
}

@InputType({ description: 'A new clinic (as a draft).' })
export class CreateClinicInput extends ClinicFieldsInput {
  @Field({ description: 'Unique in the brand, e.g. "austin-downtown". At most 100 characters.' })
  @IsSlug()
  slug: string;

  @Field(() => ID, { nullable: true, description: 'A region of your brand.' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => GraphQLCurrency, { nullable: true, description: 'ISO 4217; USD when left out.' })
  @IsOptionalButNotNull()
  @IsCurrencyCode()
  currency?: string;

  @Field({ description: 'Display name. At most 200 characters.' })
  declare name: string;

  @Field({ description: 'Street and number. At most 200 characters.' })
  declare addressLine1: string;

  @Field({ description: 'City or town. At most 100 characters.' })
  declare city: string;

  @Field(() => GraphQLCountryCode, { description: 'ISO 3166-1 alpha-2, upper case, e.g. US.' })
  declare country: string;

  @Field(() => Float, { description: 'Degrees, -90 to 90.' })
  declare latitude: number;

  @Field(() => Float, { description: 'Degrees, -180 to 180.' })
  declare longitude: number;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  declare timezone: string;
}

@InputType({ description: 'Changes to a clinic’s draft; fields left out keep their value.' })
export class UpdateClinicInput extends ClinicFieldsInput {
  @Field(() => ID, { description: 'The clinic’s id (itemId).' })
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

  @Field(() => ID, {
    nullable: true,
    description:
      'A region of your brand; null takes the clinic out of its region. Brand-wide editors only.',
  })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => GraphQLCurrency, {
    nullable: true,
    description: 'ISO 4217. Brand-wide editors only.',
  })
  @IsOptionalButNotNull()
  @IsCurrencyCode()
  currency?: string;
}
