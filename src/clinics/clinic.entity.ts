import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening interval; times are local to the clinic's timezone, "HH:MM". */
export interface OpeningHoursEntry {
  day: Weekday;
  opens: string;
  closes: string;
}

export type OperatingStatus = 'OPEN' | 'COMING_SOON' | 'TEMPORARILY_CLOSED' | 'PERMANENTLY_CLOSED';

@Entity('clinics')
export class ClinicEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'address_line1', type: 'text' })
  addressLine1: string;

  @Column({ name: 'address_line2', type: 'text', nullable: true })
  addressLine2: string | null;

  @Column({ type: 'text' })
  city: string;

  /** State, province or county of the postal address. */
  @Column({ name: 'address_region', type: 'text', nullable: true })
  addressRegion: string | null;

  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode: string | null;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text' })
  timezone: string;

  @Column({ type: 'text', default: 'en-US' })
  locale: string;

  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;

  @Column({ name: 'opening_hours', type: 'jsonb', default: () => "'[]'" })
  openingHours: OpeningHoursEntry[];

  @Column({ name: 'operating_status', type: 'text', default: 'OPEN' })
  operatingStatus: OperatingStatus;
}
