import { GraphQLCountryCode, GraphQLCurrency, GraphQLLocale } from 'graphql-scalars';
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
registerEnumType(Weekday, {
  name: 'Weekday',
  description: 'A day of the week.',
  valuesMap: {
    MONDAY: { description: 'Monday.' },
    TUESDAY: { description: 'Tuesday.' },
    WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' },
    FRIDAY: { description: 'Friday.' },
    SATURDAY: { description: 'Saturday.' },
    SUNDAY: { description: 'Sunday.' },
  },
});
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
registerEnumType(ClinicStatus, {
  name: 'ClinicStatus',
  description: 'Whether a clinic takes patients.',
  valuesMap: {
    OPEN: { description: 'Open for bookings.' },
    COMING_SOON: { description: 'Announced, not open yet.' },
    TEMPORARILY_CLOSED: { description: 'Closed for now; will reopen.' },
    PERMANENTLY_CLOSED: { description: 'Closed for good.' },
  },
});

@ObjectType({ description: 'A postal address.' })
export class Address {
  @Field({ description: 'Street and number.' })
  line1: string;

  @Field(() => String, { nullable: true, description: 'Suite, floor or building; null when none.' })
  line2: string | null;

  @Field({ description: 'City or town.' })
  city: string;

  @Field(() => String, { nullable: true, description: 'State or province.' })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'Postal or ZIP code; null when none.' })
  postalCode: string | null;

  @Field(() => GraphQLCountryCode, { description: 'ISO 3166-1 alpha-2 country code.' })
  country: string;
}

@ObjectType({ description: 'A point on Earth (WGS 84).' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees, -90 to 90.' })
  lat: number;

  @Field(() => Float, { description: 'Longitude in degrees, -180 to 180.' })
  lng: number;
}

@ObjectType({ description: 'One opening interval, in the clinic’s local time.' })
export class OpeningHours {
  @Field(() => Weekday, { description: 'Day of the week.' })
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

  @Field({ description: 'Unique in the brand, e.g. "austin-downtown".' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => Address, { description: 'Street address.' })
  address: Address;

  @Field(() => GeoPoint, { description: 'Location, for maps and distance search.' })
  geo: GeoPoint;

  @Field(() => String, {
    nullable: true,
    description: 'Phone number as written, e.g. "+1 512-555-0142"; null when none.',
  })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Contact e-mail; null when none.' })
  email: string | null;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  timezone: string;

  @Field(() => GraphQLLocale, { description: 'BCP 47 locale used to format prices.' })
  locale: string;

  @Field(() => GraphQLCurrency, {
    description: 'ISO 4217 currency of its prices: what editors type amounts in.',
  })
  currency: string;

  @Field(() => ClinicStatus, { description: 'Whether the clinic is open, coming soon or closed.' })
  status: ClinicStatus;

  @Field(() => [OpeningHours], {
    description: 'Weekly opening intervals; a day without one is closed.',
  })
  openingHours: OpeningHours[];

  @Field(() => Float, {
    nullable: true,
    description: 'Great-circle distance from `filter.near`, when given.',
  })
  distanceKm: number | null;

  @Field({ description: 'When the clinic last changed.' })
  updatedAt: Date;

  /** Not exposed: the stored row, for resolving content for this clinic. */
  row: ClinicRow;

  /** Not exposed: what this answer shows; everything below it reads the same. */
  mode: ReadMode;
}
