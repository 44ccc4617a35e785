import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Address, ClinicStatus, GeoPoint, OpeningHours } from '../../clinics/dtos/clinic.object';

@ObjectType({ description: 'A published clinic, as partners copy it.' })
export class PartnerClinic {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the clinic.' })
  version: number;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => Address)
  address: Address;

  @Field(() => GeoPoint)
  geo: GeoPoint;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  timezone: string;

  @Field({ description: 'BCP 47 locale of the clinic.' })
  locale: string;

  @Field({ description: 'ISO 4217 currency of its prices.' })
  currency: string;

  @Field(() => ClinicStatus)
  status: ClinicStatus;

  @Field(() => [OpeningHours])
  openingHours: OpeningHours[];

  @Field()
  updatedAt: Date;
}
