import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

export interface TreatmentSectionValue {
  key: string;
  heading: string;
  /** Markdown. */
  body: string;
}

export interface FactRange {
  min: number;
  max: number;
}

export interface TreatmentFactsValue {
  durationMinutes?: FactRange;
  recoveryDays?: FactRange;
  sessions?: FactRange;
  sessionIntervalWeeks?: FactRange;
  maintenancePerYear?: FactRange;
}

@Entity('treatments')
export class TreatmentEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  sections: TreatmentSectionValue[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  facts: TreatmentFactsValue;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aftercare: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contraindications: string[];

  @Column({ name: 'combines_with', type: 'text', array: true, default: () => "'{}'" })
  combinesWith: string[];

  /** Markdown; usually written per clinic (a local legal note). */
  @Column({ type: 'text', nullable: true })
  disclaimer: string | null;
}
