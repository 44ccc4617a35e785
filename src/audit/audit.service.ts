import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { badInput } from '../common/domain-error';
import type { Connection } from '../graphql/connection';
import { type AuditEntry, toAuditActor } from './audit-entry';
import { AuditLogEntity } from './audit-log.entity';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Appends an entry. Pass the transaction's manager to make the entry part
   * of it, so a write and its audit line commit (or roll back) together.
   */
  async record(entry: AuditEntry, manager: EntityManager = this.db.manager): Promise<void> {
    const row = auditRow(entry, 1);
    await manager.query(
      `INSERT INTO ${AUDIT_INSERT} VALUES (${row.values.join(', ')})`,
      row.params,
    );
  }

  /**
   * Runs `write` (an INSERT … RETURNING id) and appends the entry in the
   * same statement, the row's id added to its details as `idKey`: a write
   * whose entry names what it made (a revision) costs one round trip, not two.
   *
   * `first`, when given, is a statement (an UPDATE … RETURNING) run before
   * them in the same statement, its parameters numbered first and `write`'s
   * after them; its rows are returned. A save's draft, its revision and the
   * entry then cost one round trip together.
   */
  async recordWith(
    manager: EntityManager,
    write: { sql: string; params: unknown[] },
    entry: AuditEntry,
    idKey: string,
    first?: { sql: string; params: unknown[] },
  ): Promise<Record<string, unknown>[]> {
    const params = [...(first?.params ?? []), ...write.params];
    const key = `$${params.length + AUDIT_COLUMNS + 1}::text`;
    const row = auditRow(entry, params.length + 1, `jsonb_build_object(${key}, written.id::text)`);
    const insertEntry = `INSERT INTO ${AUDIT_INSERT} SELECT ${row.values.join(', ')} FROM written`;
    params.push(...row.params, idKey);
    if (!first) {
      await manager.query(`WITH written AS (${write.sql}) ${insertEntry}`, params);
      return [];
    }
    // Each data-modifying WITH runs once, whether or not the SELECT reads it.
    return manager.query(
      `WITH saved AS (${first.sql}), written AS (${write.sql}), entry AS (${insertEntry})
       SELECT * FROM saved`,
      params,
    );
  }

  /**
   * One page of the caller's brand's log, newest first, narrowed by every
   * filter given; brand admins only. The page continues strictly after the
   * entry `after` names (keyset: its time and id), so entries written while
   * an admin pages never shift or repeat what follows.
   */
  async list(
    actor: Actor,
    page: { first: number; after: string | null },
    filter: AuditLogFilter = {},
  ): Promise<Connection<AuditLogEntity>> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    if (filter.since && filter.until && filter.since >= filter.until) {
      throw badInput('until', 'must be after since');
    }
    const where = [`brand_id = $1`];
    const params: unknown[] = [brandId];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.action) add((n) => `action = ${n}`, filter.action);
    if (filter.userId) add((n) => `actor_kind = 'USER' AND actor_id = ${n}`, filter.userId);
    if (filter.apiKeyId) add((n) => `actor_kind = 'API_KEY' AND actor_id = ${n}`, filter.apiKeyId);
    if (filter.targetType) add((n) => `target_type = ${n}`, filter.targetType);
    if (filter.targetId) add((n) => `target_id = ${n}`, filter.targetId);
    if (filter.since) add((n) => `created_at >= ${n}`, filter.since);
    if (filter.until) add((n) => `created_at < ${n}`, filter.until);
    const matching = where.join(' AND ');
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE ${matching}`,
      params,
    );
    const after = page.after ? decodeAuditCursor(page.after) : null;
    // The cursor's entry gives the exact position (microseconds included).
    const paged = after
      ? `${matching} AND (created_at, id) <
           (SELECT created_at, id FROM audit_log WHERE id = $${params.length + 1} AND brand_id = $1)`
      : matching;
    const rows: AuditLogEntity[] = await this.db.query(
      `SELECT id::text, brand_id AS "brandId", actor_kind AS "actorKind", actor_id AS "actorId",
              actor_label AS "actorLabel", action, target_type AS "targetType",
              target_id AS "targetId", details, ip, created_at AS "createdAt"
         FROM audit_log WHERE ${paged}
        ORDER BY created_at DESC, id DESC
        LIMIT ${page.first + 1}`,
      after ? [...params, after] : params,
    );
    const nodes = rows.slice(0, page.first);
    const edges = nodes.map((node) => ({ cursor: encodeAuditCursor(node.id), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > page.first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: count,
    };
  }
}

export interface AuditLogFilter {
  action?: string | null;
  userId?: string | null;
  apiKeyId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  since?: Date | null;
  until?: Date | null;
}

const AUDIT_INSERT = `audit_log (brand_id, actor_kind, actor_id, actor_label, action,
                                  target_type, target_id, details, ip)`;

const AUDIT_COLUMNS = 9;

/**
 * An entry's values for AUDIT_INSERT's columns, as parameters numbered from
 * `$from`, typed (for INSERT … SELECT too, where an untyped one is text);
 * `moreDetails` is SQL of a jsonb object merged into the details.
 */
function auditRow(
  entry: AuditEntry,
  from: number,
  moreDetails?: string,
): { values: string[]; params: unknown[] } {
  const actor = toAuditActor(entry.actor);
  const $ = (n: number, cast: string) => `$${from + n}::${cast}`;
  const details = $(7, 'jsonb');
  return {
    values: [
      $(0, 'uuid'),
      $(1, 'text'),
      $(2, 'text'),
      $(3, 'text'),
      $(4, 'text'),
      $(5, 'text'),
      $(6, 'text'),
      moreDetails ? `${details} || ${moreDetails}` : details,
      $(8, 'text'),
    ],
    params: [
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
  };
}

const CURSOR_PREFIX = 'audit-log:';

/** Opaque to clients: the id of the last entry seen. */
function encodeAuditCursor(id: string): string {
  return Buffer.from(CURSOR_PREFIX + id).toString('base64url');
}

function decodeAuditCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^\d{1,18}$/.test(id)) {
    throw badInput(
      'after',
      'is not a cursor of the audit log; use a pageInfo.endCursor it returned',
    );
  }
  return id;
}
