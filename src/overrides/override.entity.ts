import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PlaceLevel } from '../access/level';
import { EditorialColumns } from '../database/editorial.columns';

export type OverridableEntityType = 'TREATMENT' | 'FAQ' | 'PROVIDER';

/** A local value for one field of one item, at region or clinic level (the `scope` column). */
@Entity('overrides')
export class OverrideEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'text' })
  scope: PlaceLevel;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ name: 'clinic_id', type: 'uuid', nullable: true })
  clinicId: string | null;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: OverridableEntityType;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  /** Field name, or a path into a list such as "sections.benefits". */
  @Column({ type: 'text' })
  field: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  /** The brand value this override was written against (for staleness). */
  @Column({ name: 'base_value', type: 'jsonb', nullable: true })
  baseValue: unknown;
}
