import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';
import type { OverridableEntityType } from './override.entity';

export type FieldPolicyKind = 'LOCKED' | 'INHERITABLE' | 'CLINIC_REQUIRED';

@Entity('field_policies')
export class FieldPolicyEntity extends EditorialColumns {
  /** The item id editors use (the key stays one policy per brand and field). */
  @Column({ type: 'uuid', unique: true, default: () => 'gen_random_uuid()' })
  id: string;

  @PrimaryColumn({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @PrimaryColumn({ name: 'entity_type', type: 'text' })
  entityType: OverridableEntityType;

  @PrimaryColumn({ type: 'text' })
  field: string;

  @Column({ type: 'text' })
  policy: FieldPolicyKind;
}
