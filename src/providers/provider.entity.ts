import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { EditorialColumns } from '../database/editorial.columns';

@Entity('providers')
export class ProviderEntity extends EditorialColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  /** Post-nominal credentials, e.g. ["MD", "FAAD"] or ["RN", "BSN"]. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  credentials: string[];

  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** Markdown. */
  @Column({ type: 'text', default: '' })
  bio: string;

  @Column({ name: 'photo_url', type: 'text', nullable: true })
  photoUrl: string | null;
}
