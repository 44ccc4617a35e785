import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

export const PRICE_KINDS = ['SINGLE_SESSION', 'PACKAGE', 'ADD_ON', 'CONSULTATION'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

@Entity('price_items')
export class PriceItemEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'clinic_treatment_id', type: 'uuid' })
  clinicTreatmentId: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  kind: PriceKind;

  /** Integer minor units (cents); money is never a float. */
  @Column({ name: 'amount_minor', type: 'integer' })
  amountMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'is_from_price', type: 'boolean', default: false })
  isFromPrice: boolean;

  /** Sessions included (packages). */
  @Column({ type: 'integer', nullable: true })
  sessions: number | null;

  /** ISO date (YYYY-MM-DD), inclusive. */
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  /** ISO date (YYYY-MM-DD), inclusive. */
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
