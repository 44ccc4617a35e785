import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { type Actor, actorLabel } from '../auth/actor';
import { requireUser, type UserActor } from '../auth/access';
import { DomainError } from '../common/domain-error';
import type { ItemScope } from '../editing/access-rules';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import { ContentStore } from '../editing/content-store';
import { EditorReadsService } from '../editing/editor-reads.service';
import { editingErrors } from '../editing/editing.errors';
import type { ItemView } from '../editing/item-view';
import type { ItemRef } from '../editing/write-context';
import { settingsOf } from './compliance-settings';
import {
  latestReviewsOfContent,
  type MedicalReviewRow,
  type ReviewDecision,
  REVIEW_COLUMNS,
} from './medical-reviews';
import { contentHash, regulatedChanges } from './regulated-fields';

/** Types whose drafts may touch regulated fields: the review queue looks at these. */
const REVIEWED_TYPES = ['TREATMENT', 'FAQ', 'PROVIDER', 'OVERRIDE'] as const;

/** The most drafts the review queue lists. */
export const MAX_REVIEW_QUEUE = 200;

/**
 * Medical review of drafts: a MEDICAL_REVIEWER approves, or requests
 * changes on, the exact content of an item's draft (bound by its hash). The
 * records are append-only and go to the audit log; the publish gate reads
 * them (publish-gate.ts).
 */
@Injectable()
export class MedicalReviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: ContentStore,
    private readonly reads: EditorReadsService,
    private readonly audit: AuditService,
  ) {}

  async review(
    actor: Actor,
    ref: ItemRef,
    decision: ReviewDecision,
    comment: string | null,
  ): Promise<MedicalReviewRow> {
    const reviewer = requireReviewer(actor);
    return this.store.inTransaction({ actor, source: 'API' }, async (ctx) => {
      const def = CONTENT_TYPE_DEFS[ref.type];
      // The draft stays as reviewed until this commits: a save waits for it.
      await ctx.tx.query(`SELECT 1 FROM ${def.table} WHERE id = $1 FOR SHARE`, [ref.id]);
      const item = await this.reads.get(ctx, ref.type, ref.id);
      assertReviewsPlace(reviewer, item.scope);
      if (item.version !== ref.version) {
        throw editingErrors.staleVersion(
          item,
          ref.version,
          item.version,
          'Review its current draft.',
        );
      }
      const [settings] = await settingsOf(ctx.tx, [item.brandId]);
      const fields = regulatedChanges(item, settings.regulatedFields);
      if (fields.length === 0) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `${item.type} ${item.id}: its draft changes no regulated field, so there is nothing to review`,
          { argument: 'id' },
        );
      }
      if (decision === 'APPROVED' && (await this.editedDraft(ctx.tx, item, reviewer.userId))) {
        throw new DomainError(
          'FORBIDDEN',
          'You edited this draft: another medical reviewer must approve it',
        );
      }
      const [row]: MedicalReviewRow[] = await ctx.tx.query(
        `INSERT INTO medical_reviews AS r (brand_id, entity_type, entity_id, item_version, content_hash,
                                          decision, fields, comment, reviewer_id, reviewer_label,
                                          level, region_ids, clinic_ids, review_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                 CASE WHEN $6 = 'APPROVED' THEN now() + make_interval(months => $14::int) END)
         RETURNING ${REVIEW_COLUMNS}`,
        [
          item.brandId,
          item.type,
          item.id,
          item.version,
          contentHash(item),
          decision,
          fields,
          comment,
          reviewer.userId,
          actorLabel(reviewer),
          item.scope.level,
          item.scope.regionIds,
          item.scope.clinicIds,
          settings.reviewIntervalMonths,
        ],
      );
      await this.audit.record(
        {
          brandId: item.brandId,
          actor,
          action: decision === 'APPROVED' ? 'MEDICAL_APPROVE' : 'MEDICAL_REQUEST_CHANGES',
          targetType: item.type,
          targetId: item.id,
          details: { reviewId: row.id, version: item.version, fields, comment },
        },
        ctx.tx,
      );
      return row;
    });
  }

  /**
   * Drafts of the caller's brand with unpublished regulated changes that no
   * reviewer approved yet (as they are now), for
   * reviewers (and editors) to work through; a regional reviewer sees those
   * of their regions.
   */
  async queue(actor: Actor): Promise<ItemView[]> {
    const caller = requireUser(actor);
    const [settings] = await settingsOf(this.db.manager, [caller.brandId]);
    const items: ItemView[] = [];
    for (const type of REVIEWED_TYPES) {
      const def = CONTENT_TYPE_DEFS[type];
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM ${def.table} WHERE brand_id = $1 AND draft IS NOT NULL ORDER BY updated_at, id LIMIT ${MAX_REVIEW_QUEUE}`,
        [caller.brandId],
      );
      const views = await this.reads.list(
        { actor, source: 'API' },
        type,
        rows.map((row) => row.id),
      );
      items.push(
        ...views.filter(
          (view) =>
            regulatedChanges(view, settings.regulatedFields).length > 0 &&
            (caller.role !== 'MEDICAL_REVIEWER' || reviewsPlace(caller, view.scope)),
        ),
      );
    }
    const latest = await latestReviewsOfContent(
      this.db.manager,
      items.map((item) => ({ type: item.type, id: item.id, hash: contentHash(item) })),
    );
    return items
      .filter((_, i) => latest[i]?.decision !== 'APPROVED')
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, MAX_REVIEW_QUEUE);
  }

  /** Whether the user wrote any of the draft (a change since the item was last published). */
  private async editedDraft(
    tx: import('typeorm').EntityManager,
    item: ItemView,
    userId: string,
  ): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM revisions r
        WHERE r.entity_type = $1 AND r.entity_id = $2 AND r.actor_kind = 'USER' AND r.actor_id = $3
          AND r.action IN ('CREATE', 'UPDATE', 'RESTORE')
          AND r.id > coalesce((SELECT max(p.id) FROM revisions p
                                WHERE p.entity_type = $1 AND p.entity_id = $2 AND p.action = 'PUBLISH'), 0)
        LIMIT 1`,
      [item.type, item.id, userId],
    );
    return row !== undefined;
  }
}

function requireReviewer(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (user.role !== 'MEDICAL_REVIEWER') {
    throw new DomainError('FORBIDDEN', 'Only medical reviewers approve or request changes');
  }
  return user;
}

/**
 * A reviewer without regions reviews the whole brand; one with regions
 * reviews region and clinic content there only (brand content is the
 * brand-wide reviewers' to approve).
 */
function reviewsPlace(reviewer: UserActor, scope: ItemScope): boolean {
  if (reviewer.brandId !== scope.brandId) return false;
  if (reviewer.regionIds.length === 0) return true;
  if (scope.level !== 'REGION' && scope.level !== 'CLINIC') return false;
  return (
    scope.regionIds.length > 0 && scope.regionIds.every((id) => reviewer.regionIds.includes(id))
  );
}

function assertReviewsPlace(reviewer: UserActor, scope: ItemScope): void {
  if (!reviewsPlace(reviewer, scope)) {
    throw new DomainError('FORBIDDEN', 'This is outside the regions you review');
  }
}
