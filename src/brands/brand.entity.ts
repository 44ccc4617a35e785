import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

@Entity('brands')
export class BrandEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'en-US' })
  locale: string;

  @Column({ type: 'char', length: 3, default: 'USD' })
  currency: string;

  @Column({ name: 'website_url', type: 'text', nullable: true })
  websiteUrl: string | null;

  /** Demo data shipped with the product, not a real franchise. */
  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample: boolean;
}
