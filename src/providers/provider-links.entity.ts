import { Entity, PrimaryColumn } from 'typeorm';

@Entity('provider_clinics')
export class ProviderClinicEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @PrimaryColumn({ name: 'clinic_id', type: 'uuid' })
  clinicId: string;
}

@Entity('provider_treatments')
export class ProviderTreatmentEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @PrimaryColumn({ name: 'treatment_id', type: 'uuid' })
  treatmentId: string;
}
