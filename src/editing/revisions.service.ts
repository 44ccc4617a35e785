import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, toAuditActor } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { sameValue } from '../content-resolution/resolve-fields';
import type { ContentType } from '../content-types/registry';

export type RevisionAction =
  | 'CREATE'
  | 'UPDATE'
  | 'PUBLISH'
  | 'UNPUBLISH'
  | 'DELETE'
  | 'RESTORE'
  /** A stale override kept and re-based on the brand's value (drift report). */
  | 'REVIEW';

type Values = Record<string, unknown>;

export interface RevisionRow {
  id: string;
  brandId: string;
  entityType: ContentType;
  entityId: string;
  version: number;
  action: RevisionAction;
  actorKind: string;
  actorId: string | null;
  actorLabel: string;
  source: string;
  before: Values | null;
  after: Values | null;
  changedFields: string[];
  createdAt: Date;
}

const REVISION_COLUMNS = `id::text, brand_id AS "brandId", entity_type AS "entityType",
  entity_id AS "entityId", version, action, actor_kind AS "actorKind", actor_id AS "actorId",
  actor_label AS "actorLabel", source, before, after, changed_fields AS "changedFields",
  created_at AS "createdAt"`;

/** The fields whose values differ between two snapshots. */
export function changedFields(before: Values | null, after: Values | null): string[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields].filter((field) => !sameValue(before?.[field], after?.[field])).sort();
}

/** The append-only history of every editable item. */
@Injectable()
export class RevisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a write, in the writer's transaction so both commit or neither,
   * and appends it to the brand's audit log (`CONTENT_<ACTION>`).
   *
   * `write`, when given, is the write itself (an UPDATE … RETURNING *, its
   * parameters from $1): it runs in the same statement, before the revision
   * and its entry, and its rows are returned. One round trip for the three.
   */
  async record(
    tx: EntityManager,
    ctx: { actor: Actor | AuditActor; source: string },
    item: { type: ContentType; id: string; brandId: string; version: number },
    action: RevisionAction,
    before: Values | null,
    after: Values | null,
    write?: { sql: string; params: unknown[] },
  ): Promise<Record<string, unknown>[]> {
    const actor = toAuditActor(ctx.actor);
    const changed = changedFields(before, after);
    const params = [
      item.brandId,
      item.type,
      item.id,
      item.version,
      action,
      actor.kind,
      actor.id,
      actor.label,
      ctx.source,
      before && JSON.stringify(before),
      after && JSON.stringify(after),
      changed,
    ];
    // Numbered after the write's parameters, which come first.
    const $ = (n: number) => `$${(write?.params.length ?? 0) + n}`;
    const revision = {
      sql: `INSERT INTO revisions (brand_id, entity_type, entity_id, version, action, actor_kind,
                                   actor_id, actor_label, source, before, after, changed_fields)
            VALUES (${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}, ${$(8)}, ${$(9)},
                    ${$(10)}::jsonb, ${$(11)}::jsonb, ${$(12)}::text[])
            RETURNING id`,
      params,
    };
    // One statement: the entry's revisionId links it to the item's history.
    return this.audit.recordWith(
      tx,
      revision,
      {
        brandId: item.brandId,
        actor,
        action: `CONTENT_${action}`,
        targetType: item.type,
        targetId: item.id,
        details: { version: item.version, source: ctx.source, changedFields: changed },
      },
      'revisionId',
      write,
    );
  }

  /** One page of an item's revisions, newest first. */
  async list(
    type: ContentType,
    id: string,
    window: { offset: number; limit: number },
  ): Promise<{ rows: RevisionRow[]; totalCount: number }> {
    const rows: (RevisionRow & { total: string })[] = await this.db.query(
      `SELECT ${REVISION_COLUMNS}, count(*) OVER () AS total FROM revisions
        WHERE entity_type = $1 AND entity_id = $2 ORDER BY revisions.id DESC LIMIT $3 OFFSET $4`,
      [type, id, window.limit, window.offset],
    );
    return { rows, totalCount: rows.length ? Number(rows[0].total) : 0 };
  }

  /**
   * A revision of the brand's items; null for one of another brand exactly
   * as for one that does not exist, so revision ids reveal nothing across
   * brands.
   */
  async findInBrand(id: string, brandId: string): Promise<RevisionRow | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const [row] = await this.db.query(
      `SELECT ${REVISION_COLUMNS} FROM revisions WHERE id = $1 AND brand_id = $2`,
      [id, brandId],
    );
    return row ?? null;
  }
}
