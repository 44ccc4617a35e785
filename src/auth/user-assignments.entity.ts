import { Entity, PrimaryColumn } from 'typeorm';

/** A region a REGION_EDITOR edits. */
@Entity('user_regions')
export class UserRegionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'region_id', type: 'uuid' })
  regionId: string;
}

/** A clinic a CLINIC_EDITOR edits. */
@Entity('user_clinics')
export class UserClinicEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'clinic_id', type: 'uuid' })
  clinicId: string;
}
