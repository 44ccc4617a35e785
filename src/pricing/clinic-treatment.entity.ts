import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

/** A clinic offers a treatment; its price items hang off this row. */
@Entity('clinic_treatments')
export class ClinicTreatmentEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'clinic_id', type: 'uuid' })
  clinicId: string;

  @Column({ name: 'treatment_id', type: 'uuid' })
  treatmentId: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
