import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { badInput, DomainError } from '../common/domain-error';
import { updateReturning } from '../database/update-returning';
import { groupByKeys } from '../graphql/request-loaders';
import type { ClaimRuleSpec } from './claim-rule-defaults';
import { type ClaimRule, compileRule } from './lint-claims';
import { checkBrandAccess, requireBrandPermission } from '../access/brand-access';
import { requireAuthenticated } from '../access/callers';
import { refusal } from '../access/item-access';
import { Permission } from '../access/permission';

const COLUMNS = `id, phrase, pattern, severity, reason, region_id AS "regionId", state`;

/**
 * The BLOCK rules of the brand `brand` (an SQL expression) as a JSON array
 * of ClaimRule, in claimRulesOf's order: for a statement that reads them
 * with other things (the publish gate's).
 */
export function blockRulesSql(brand: string): string {
  return `coalesce((SELECT json_agg(json_build_object('id', r.id, 'phrase', r.phrase,
                       'pattern', r.pattern, 'severity', r.severity, 'reason', r.reason,
                       'regionId', r.region_id, 'state', r.state) ORDER BY r.created_at, r.id)
                      FROM claim_rules r WHERE r.brand_id = ${brand} AND r.severity = 'BLOCK'),
                    '[]')`;
}

/** A brand has at most this many rules: each runs over every saved text. */
export const MAX_CLAIM_RULES = 200;

/** Reads a brand's rules inside any transaction (the publish gate's included). */
export async function claimRulesOf(db: EntityManager, brandId: string): Promise<ClaimRule[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM claim_rules WHERE brand_id = $1 ORDER BY created_at, id`,
    [brandId],
  );
}

/** Inserts rules for a brand (the seed's default set), in the caller's transaction. */
export async function insertClaimRules(
  db: EntityManager,
  brandId: string,
  rules: readonly ClaimRuleSpec[],
): Promise<number> {
  for (const rule of rules) {
    await db.query(
      `INSERT INTO claim_rules (brand_id, phrase, pattern, severity, reason, region_id, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [brandId, rule.phrase, rule.pattern, rule.severity, rule.reason, rule.regionId, rule.state],
    );
  }
  return rules.length;
}

/**
 * The claims linter's rules: brand-wide editors write them, any editor of
 * the brand reads them. Every change is in the audit log.
 */
@Injectable()
export class ClaimRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): Promise<ClaimRule[]> {
    const caller = requireBrandPermission(actor, Permission.DraftRead);
    return claimRulesOf(this.db.manager, caller.brandId);
  }

  /** Rules of each brand, for the per-request loader of save warnings. */
  readonly batchByBrand = async (brandIds: readonly string[]) => {
    const rows: (ClaimRule & { brandId: string })[] = await this.db.query(
      `SELECT ${COLUMNS}, brand_id AS "brandId" FROM claim_rules
        WHERE brand_id = ANY($1) ORDER BY created_at, id`,
      [brandIds],
    );
    return groupByKeys(brandIds, rows, (row) => row.brandId);
  };

  async create(actor: Actor, spec: ClaimRuleSpec): Promise<ClaimRule> {
    const brandId = this.writer(actor);
    return this.db.transaction(async (tx) => {
      await this.check(tx, brandId, spec);
      const [{ count }] = await tx.query(
        `SELECT count(*)::int AS count FROM claim_rules WHERE brand_id = $1`,
        [brandId],
      );
      if (count >= MAX_CLAIM_RULES) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `A brand has at most ${MAX_CLAIM_RULES} claim rules`,
        );
      }
      const [row]: ClaimRule[] = await tx.query(
        `INSERT INTO claim_rules (brand_id, phrase, pattern, severity, reason, region_id, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
        [brandId, spec.phrase, spec.pattern, spec.severity, spec.reason, spec.regionId, spec.state],
      );
      await this.record(tx, actor, brandId, 'CREATE_CLAIM_RULE', row);
      return row;
    });
  }

  async update(actor: Actor, id: string, spec: ClaimRuleSpec): Promise<ClaimRule> {
    const brandId = this.writer(actor);
    return this.db.transaction(async (tx) => {
      await this.check(tx, brandId, spec);
      const [row] = await updateReturning<ClaimRule>(
        tx,
        `UPDATE claim_rules
            SET phrase = $3, pattern = $4, severity = $5, reason = $6, region_id = $7, state = $8,
                updated_at = now()
          WHERE id = $1 AND brand_id = $2 RETURNING ${COLUMNS}`,
        [
          id,
          brandId,
          spec.phrase,
          spec.pattern,
          spec.severity,
          spec.reason,
          spec.regionId,
          spec.state,
        ],
      );
      if (!row) throw refusal(actor, false);
      await this.record(tx, actor, brandId, 'UPDATE_CLAIM_RULE', row);
      return row;
    });
  }

  async remove(actor: Actor, id: string): Promise<ClaimRule> {
    const brandId = this.writer(actor);
    return this.db.transaction(async (tx) => {
      const [row] = await updateReturning<ClaimRule>(
        tx,
        `DELETE FROM claim_rules WHERE id = $1 AND brand_id = $2 RETURNING ${COLUMNS}`,
        [id, brandId],
      );
      if (!row) throw refusal(actor, false);
      await this.record(tx, actor, brandId, 'DELETE_CLAIM_RULE', row);
      return row;
    });
  }

  /** Brand-wide editors (and admin keys) own the brand's rules. */
  private writer(actor: Actor): string {
    const caller = requireAuthenticated(actor);
    if (!checkBrandAccess(caller, Permission.BrandWideEdit)) {
      throw new DomainError('FORBIDDEN', 'Only brand-wide editors may change claim rules');
    }
    return caller.brandId;
  }

  private async check(tx: EntityManager, brandId: string, spec: ClaimRuleSpec): Promise<void> {
    if ((spec.phrase === null) === (spec.pattern === null)) {
      throw badInput('phrase', 'give either a phrase or a pattern, not both');
    }
    if (spec.regionId !== null && spec.state !== null) {
      throw badInput('state', 'a rule applies to one region or one state, not both');
    }
    try {
      compileRule(spec);
    } catch (error) {
      throw badInput(
        'pattern',
        `is not a valid RE2 pattern (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (spec.regionId !== null) {
      const [region] = await tx.query(`SELECT 1 FROM regions WHERE id = $1 AND brand_id = $2`, [
        spec.regionId,
        brandId,
      ]);
      if (!region) throw badInput('regionId', 'no such region in this brand');
    }
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    brandId: string,
    action: string,
    rule: ClaimRule,
  ): Promise<void> {
    return this.audit.record(
      { brandId, actor, action, targetType: 'CLAIM_RULE', targetId: rule.id, details: { ...rule } },
      tx,
    );
  }
}
