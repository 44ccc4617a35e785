import { GraphQLCurrency, GraphQLLocale } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Address, ClinicStatus, GeoPoint, OpeningHours } from '../../clinics/dtos/clinic.object';

@ObjectType({ description: 'A published clinic, as partners copy it.' })
export class PartnerClinic {
  @Field(() => ID, { description: 'The clinic’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the clinic.' })
  version: number;

  @Field({ description: 'Unique in the brand.' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => Address, { description: 'Street address.' })
  address: Address;

  @Field(() => GeoPoint, { description: 'Location.' })
  geo: GeoPoint;

  @Field(() => String, { nullable: true, description: 'Phone number; null when none.' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail; null when none.' })
  email: string | null;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  timezone: string;

  @Field(() => GraphQLLocale, { description: 'BCP 47 locale of the clinic.' })
  locale: string;

  @Field(() => GraphQLCurrency, { description: 'ISO 4217 currency of its prices.' })
  currency: string;

  @Field(() => ClinicStatus, { description: 'Whether the clinic is open.' })
  status: ClinicStatus;

  @Field(() => [OpeningHours], { description: 'Weekly opening intervals.' })
  openingHours: OpeningHours[];

  @Field({ description: 'When the clinic last changed.' })
  updatedAt: Date;
}
