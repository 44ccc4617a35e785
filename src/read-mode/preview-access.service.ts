import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { previewOf, PUBLISHED, ReadMode } from './read-mode';
import { checkBrandAccess } from '../access/brand-access';
import { requireAuthenticated } from '../access/callers';
import { Permission } from '../access/permission';

/** Decides, once per root field, which mode a delivery answer reads in. */
@Injectable()
export class PreviewAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * PUBLISHED unless `preview` is asked for; then the working copy of the
   * brand `brandSlug`, for callers who may preview it (its editors, its
   * preview and admin keys). Anonymous callers are asked to sign in; anyone
   * else is refused with the same words whether or not the brand or any
   * draft exists.
   */
  async readMode(
    actor: Actor,
    brandSlug: string,
    preview: boolean | null | undefined,
  ): Promise<ReadMode> {
    if (!preview) return PUBLISHED;
    requireAuthenticated(actor);
    if (checkBrandAccess(actor, Permission.DraftRead)) {
      // Any status: a brand not yet published has a working copy too.
      const [brand] = (await this.db.query(`SELECT id FROM brands WHERE slug = $1`, [
        brandSlug,
      ])) as { id: string }[];
      if (brand && checkBrandAccess(actor, Permission.DraftRead, brand.id))
        return previewOf(brand.id);
    }
    throw refused();
  }

  /**
   * Checks a mode named by a global id (see node(id:)): the same rule as
   * `readMode`, for a brand given by id.
   */
  requireMode(actor: Actor, mode: ReadMode): void {
    if (mode.kind === 'PUBLISHED') return;
    requireAuthenticated(actor);
    if (!checkBrandAccess(actor, Permission.DraftRead, mode.brandId)) throw refused();
  }
}

function refused(): DomainError {
  return new DomainError(
    'FORBIDDEN',
    'preview: only editors of this brand and its preview keys may read drafts',
  );
}
