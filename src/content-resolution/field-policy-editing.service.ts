import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput } from '../common/domain-error';
import { isBrandWide, refusal } from '../editing/access-rules';
import { draftReader } from '../editing/place-access';
import { ContentStore } from '../editing/content-store';
import { DraftWriterService } from '../editing/draft-writer.service';
import { EditorReadsService } from '../editing/editor-reads.service';
import { editingErrors } from '../editing/editing.errors';
import type { ItemView } from '../editing/item-view';
import type { WriteContext } from '../editing/write-context';
import type { FieldPolicyKind } from './field-policy.entity';
import { isOverridableField, OverridableType, overridableFields } from './override-values';

/**
 * The brand's field policies (LOCKED / INHERITABLE / CLINIC_REQUIRED), one
 * per overridable field, edited like any content: drafts, publish, history.
 * Delivery applies published policies only.
 */
@Injectable()
export class FieldPolicyEditingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: ContentStore,
    private readonly reads: EditorReadsService,
    private readonly drafts: DraftWriterService,
  ) {}

  /**
   * Creates the field's policy, or changes it (then `version` is the
   * policy's, as with any update).
   */
  async set(
    ctx: WriteContext,
    input: {
      entityType: OverridableType;
      field: string;
      policy: FieldPolicyKind;
      version?: number;
    },
  ): Promise<ItemView> {
    if (!isOverridableField(input.entityType, input.field)) {
      const fields = overridableFields(input.entityType).join(', ');
      throw badInput(
        'field',
        `"${input.field}" is not an overridable field of ${input.entityType} (${fields})`,
      );
    }
    const actor = ctx.actor;
    if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
    if (!isBrandWide(actor)) throw refusal(actor, true, actor.brandId);
    return this.store.inTransaction(ctx, async (tx) => {
      // Two first saves of the same field wait for each other: the second
      // then finds the first's row instead of failing on the primary key.
      await tx.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `field-policy:${actor.brandId}:${input.entityType}:${input.field}`,
      ]);
      const [row]: { id: string; version: number }[] = await tx.tx.query(
        `SELECT id, version FROM field_policies WHERE brand_id = $1 AND entity_type = $2 AND field = $3`,
        [actor.brandId, input.entityType, input.field],
      );
      if (row) {
        if (input.version === undefined) {
          throw editingErrors.versionRequired('this field has a policy', row.version);
        }
        return this.drafts.update(
          tx,
          { type: 'FIELD_POLICY', id: row.id, version: input.version },
          { policy: input.policy },
          { cancelDelete: true },
        );
      }
      if (input.version !== undefined) {
        throw editingErrors.basisGone('policy');
      }
      return this.drafts.create(
        tx,
        'FIELD_POLICY',
        { brand_id: actor.brandId, entity_type: input.entityType, field: input.field },
        { policy: input.policy },
      );
    });
  }

  /** The brand's policies (drafts included), for its editors. */
  async list(ctx: WriteContext, entityType?: OverridableType): Promise<ItemView[]> {
    const reader = draftReader(ctx.actor);
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM field_policies
        WHERE brand_id = $1 AND ($2::text IS NULL OR entity_type = $2)
        ORDER BY entity_type, field`,
      [reader.brandId, entityType ?? null],
    );
    const order = new Map(rows.map((row, i) => [row.id, i]));
    const items = await this.reads.list(
      ctx,
      'FIELD_POLICY',
      rows.map((row) => row.id),
    );
    return items.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  }
}
