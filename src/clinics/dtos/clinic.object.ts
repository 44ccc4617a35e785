import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WEEKDAYS } from '../clinic.entity';
import type { ReadMode } from '../../read-mode/read-mode';
import type { ClinicRow } from '../clinics.service';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}
registerEnumType(Weekday, { name: 'Weekday' });
// The enum mirrors the stored day names; fail at load if they ever differ.
if (WEEKDAYS.join() !== Object.values(Weekday).join()) {
  throw new Error('Weekday enum out of step with WEEKDAYS');
}

export enum ClinicStatus {
  OPEN = 'OPEN',
  COMING_SOON = 'COMING_SOON',
  TEMPORARILY_CLOSED = 'TEMPORARILY_CLOSED',
  PERMANENTLY_CLOSED = 'PERMANENTLY_CLOSED',
}
registerEnumType(ClinicStatus, { name: 'ClinicStatus' });

@ObjectType()
export class Address {
  @Field()
  line1: string;

  @Field(() => String, { nullable: true })
  line2: string | null;

  @Field()
  city: string;

  @Field(() => String, { nullable: true, description: 'State or province.' })
  region: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  country: string;
}

@ObjectType()
export class GeoPoint {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;
}

@ObjectType({ description: 'One opening interval, in the clinic’s local time.' })
export class OpeningHours {
  @Field(() => Weekday)
  day: Weekday;

  @Field({ description: '"HH:MM", 24-hour clock.' })
  opens: string;

  @Field({ description: '"HH:MM", 24-hour clock.' })
  closes: string;
}

@ObjectType({ description: 'A clinic location of a brand.', implements: () => [Node] })
export class Clinic {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

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

  @Field({ description: 'BCP 47 locale used to format prices.' })
  locale: string;

  @Field(() => ClinicStatus)
  status: ClinicStatus;

  @Field(() => [OpeningHours])
  openingHours: OpeningHours[];

  @Field(() => Float, {
    nullable: true,
    description: 'Great-circle distance from `filter.near`, when given.',
  })
  distanceKm: number | null;

  @Field()
  updatedAt: Date;

  /** Not exposed: the stored row, for resolving content for this clinic. */
  row: ClinicRow;

  /** Not exposed: what this answer shows; everything below it reads the same. */
  mode: ReadMode;
}
