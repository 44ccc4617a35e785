import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

export type PublicationStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

/**
 * Columns every editable row carries (see migrations/…-content-model.ts):
 * the row's columns are the published content, `draft` the pending changes.
 */
export abstract class EditorialColumns {
  @Column({ name: 'publication_status', type: 'text', default: 'DRAFT' })
  publicationStatus: PublicationStatus;

  @Column({ type: 'jsonb', nullable: true })
  draft: Record<string, unknown> | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
