import { Entity, PrimaryColumn } from 'typeorm';

@Entity('faq_treatments')
export class FaqTreatmentEntity {
  @PrimaryColumn({ name: 'faq_id', type: 'uuid' })
  faqId: string;

  @PrimaryColumn({ name: 'treatment_id', type: 'uuid' })
  treatmentId: string;
}
