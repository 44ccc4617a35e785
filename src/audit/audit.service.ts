import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireBrandAdmin } from '../auth/access';
import type { PageWindow } from '../graphql/connection';
import { type AuditEntry, toAuditActor } from './audit-entry';
import { AuditLogEntity } from './audit-log.entity';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends an entry. Pass the transaction's manager to make the entry part
   * of it, so a write and its audit line commit (or roll back) together.
   */
  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    const actor = toAuditActor(entry.actor);
    await manager.query(
      `INSERT INTO audit_log (brand_id, actor_kind, actor_id, actor_label, action,
                              target_type, target_id, details, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.brandId,
        actor.kind,
        actor.id,
        actor.label,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.ip ?? null,
      ],
    );
  }

  /** The caller's brand's log, newest first; brand admins only. */
  async list(
    actor: Actor,
    window: PageWindow,
    filter: { action?: string | null } = {},
  ): Promise<{ rows: AuditLogEntity[]; totalCount: number }> {
    const { brandId } = requireBrandAdmin(actor);
    const query = this.db
      .getRepository(AuditLogEntity)
      .createQueryBuilder('entry')
      .where('entry.brand_id = :brandId', { brandId });
    if (filter.action) query.andWhere('entry.action = :action', { action: filter.action });
    const [rows, totalCount] = await query
      .orderBy('entry.created_at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return { rows, totalCount };
  }
}
