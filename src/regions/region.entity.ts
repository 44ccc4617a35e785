import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

@Entity('regions')
export class RegionEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;
}
