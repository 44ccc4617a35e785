import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';
import type { OverridableEntityType } from './override.entity';

export type FieldPolicyKind = 'LOCKED' | 'INHERITABLE' | 'CLINIC_REQUIRED';

@Entity('field_policies')
export class FieldPolicyEntity extends EditorialColumns {
  @PrimaryColumn({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @PrimaryColumn({ name: 'entity_type', type: 'text' })
  entityType: OverridableEntityType;

  @PrimaryColumn({ type: 'text' })
  field: string;

  @Column({ type: 'text' })
  policy: FieldPolicyKind;
}
