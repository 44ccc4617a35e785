import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

@Entity('faqs')
export class FaqEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  /** Set for a clinic-only FAQ; NULL for a brand-wide one. */
  @Column({ name: 'clinic_id', type: 'uuid', nullable: true })
  clinicId: string | null;

  @Column({ type: 'text' })
  question: string;

  /** Markdown. */
  @Column({ type: 'text' })
  answer: string;

  @Column({ type: 'integer', default: 0 })
  position: number;
}
