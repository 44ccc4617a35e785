import { Injectable } from '@nestjs/common';
import { badInput } from '../common/domain-error';
import {
  OverrideEditingService,
  OverrideWriteResult,
} from '../content-resolution/override-editing.service';
import { isBrandWide, refusal } from '../editing/access-rules';
import { ContentStore } from '../editing/content-store';
import { DraftWriterService } from '../editing/draft-writer.service';
import type { ItemView } from '../editing/item-view';
import type { TransactionContext, WriteContext } from '../editing/write-context';
import { editablePlace, Place } from '../editing/place-access';
import { assertKnownTokens } from '../editing/token-validation';

export type FaqFields = {
  question?: string;
  answer?: string;
  treatmentIds?: string[];
  position?: number;
};

export interface FaqPositionChange {
  id: string;
  position: number;
  version?: number;
}

export interface FaqPositionResult extends OverrideWriteResult {
  faqId: string;
  position: number;
}

/**
 * FAQs at brand and clinic scope, through the one write path: brand FAQs by
 * brand-wide editors, a clinic's own FAQs by the editors of that clinic (or
 * its region). What a clinic does to brand FAQs (hide, move) is an override.
 */
@Injectable()
export class FaqEditingService {
  constructor(
    private readonly store: ContentStore,
    private readonly drafts: DraftWriterService,
    private readonly overrides: OverrideEditingService,
  ) {}

  async create(
    ctx: WriteContext,
    clinicId: string | undefined,
    values: FaqFields & { question: string; answer: string },
  ): Promise<ItemView> {
    const actor = ctx.actor;
    if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
    assertKnownTokens(values);
    return this.store.inTransaction(ctx, async (tx) => {
      if (clinicId) await editablePlace(tx.tx, actor, { level: 'CLINIC', id: clinicId });
      else if (!isBrandWide(actor)) throw refusal(actor, true, actor.brandId);
      await this.assertOwnTreatments(tx, values.treatmentIds);
      const position = values.position ?? (await this.endOfList(tx, actor.brandId, clinicId));
      const fixed = clinicId
        ? { brand_id: actor.brandId, clinic_id: clinicId }
        : { brand_id: actor.brandId };
      return this.drafts.create(tx, 'FAQ', fixed, { ...values, position });
    });
  }

  async update(
    ctx: WriteContext,
    ref: { id: string; version: number },
    changes: FaqFields,
  ): Promise<ItemView> {
    if (ctx.actor.kind === 'ANONYMOUS') throw refusal(ctx.actor, false);
    assertKnownTokens(changes);
    return this.store.inTransaction(ctx, async (tx) => {
      await this.assertOwnTreatments(tx, changes.treatmentIds);
      return this.drafts.update(tx, { type: 'FAQ', ...ref }, changes);
    });
  }

  /** Hides a brand FAQ from a region's or clinic's list, or shows it again. */
  async setHidden(
    ctx: WriteContext,
    place: Place,
    faqId: string,
    hidden: boolean,
    version?: number,
  ): Promise<OverrideWriteResult> {
    return this.overrides.set(
      ctx,
      {
        place,
        entityType: 'FAQ',
        entityId: faqId,
        field: 'hidden',
        arguments: { entityId: 'faqId', field: 'faqId' },
      },
      hidden,
      version,
    );
  }

  /**
   * Moves FAQs, all or none. Without a clinic: positions of brand FAQs.
   * With one: the clinic's position overrides of brand FAQs (none stored
   * where the position is the one it inherits) and its own FAQs' positions.
   */
  async reorder(
    ctx: WriteContext,
    clinicId: string | undefined,
    changes: FaqPositionChange[],
  ): Promise<FaqPositionResult[]> {
    const actor = ctx.actor;
    if (actor.kind === 'ANONYMOUS') throw refusal(actor, false);
    assertDistinct(changes);
    return this.store.inTransaction(ctx, async (tx) => {
      if (clinicId) await editablePlace(tx.tx, actor, { level: 'CLINIC', id: clinicId });
      else if (!isBrandWide(actor)) throw refusal(actor, true, actor.brandId);
      const rows: { id: string; brandId: string; clinicId: string | null }[] = await tx.tx.query(
        `SELECT id, brand_id AS "brandId", clinic_id AS "clinicId" FROM faqs WHERE id = ANY($1::uuid[])`,
        [changes.map((change) => change.id)],
      );
      const faqs = new Map(rows.map((row) => [row.id, row]));
      changes.forEach((change, i) => {
        const faq = faqs.get(change.id);
        if (!faq || faq.brandId !== actor.brandId) throw refusal(actor, false);
        if (!clinicId && faq.clinicId) {
          throw badInput(`items.${i}.id`, 'is a clinic FAQ: reorder it with its clinicId');
        }
        if (clinicId && faq.clinicId && faq.clinicId !== clinicId) {
          throw badInput(`items.${i}.id`, 'is not in this clinic’s list');
        }
        if (faq.clinicId === (clinicId ?? null) && change.version === undefined) {
          throw badInput(`items.${i}.version`, 'is required: the FAQ’s version');
        }
      });

      // A fixed order, so concurrent reorders of the same FAQs never deadlock.
      const results = new Map<string, FaqPositionResult>();
      const indexOf = new Map(changes.map((change, i) => [change.id, i]));
      for (const change of [...changes].sort((a, b) => a.id.localeCompare(b.id))) {
        const at = `items.${indexOf.get(change.id)}`;
        const ownFaq = faqs.get(change.id)!.clinicId === (clinicId ?? null);
        const result = ownFaq
          ? await this.move(tx, change)
          : await this.overrides.setIn(
              tx,
              {
                place: { level: 'CLINIC', id: clinicId! },
                entityType: 'FAQ',
                entityId: change.id,
                field: 'position',
                arguments: { entityId: `${at}.id`, field: `${at}.position` },
              },
              change.position,
              change.version,
            );
        results.set(change.id, { ...result, faqId: change.id, position: change.position });
      }
      return changes.map((change) => results.get(change.id)!);
    });
  }

  private async move(tx: TransactionContext, change: FaqPositionChange) {
    const item = await this.drafts.update(
      tx,
      { type: 'FAQ', id: change.id, version: change.version! },
      { position: change.position },
    );
    return { outcome: 'SAVED' as const, item };
  }

  /**
   * Treatments a FAQ links to must be of the caller's brand; an unknown or
   * foreign id is refused alike (refusal()), revealing nothing.
   */
  private async assertOwnTreatments(tx: TransactionContext, ids: string[] | undefined) {
    if (!ids?.length || tx.actor.kind === 'ANONYMOUS') return;
    const [{ n }]: { n: number }[] = await tx.tx.query(
      `SELECT count(*)::int AS n FROM treatments WHERE id = ANY($1::uuid[]) AND brand_id = $2`,
      [ids, tx.actor.brandId],
    );
    if (n !== new Set(ids).size) throw refusal(tx.actor, false);
  }

  /** After the last FAQ of the list it joins (the brand's, or a clinic's merged list). */
  private async endOfList(
    tx: TransactionContext,
    brandId: string,
    clinicId: string | undefined,
  ): Promise<number> {
    const [{ next }]: { next: number }[] = await tx.tx.query(
      `SELECT coalesce(max(position), 0) + 1 AS next FROM faqs
        WHERE brand_id = $1 AND (clinic_id IS NULL OR clinic_id = $2)`,
      [brandId, clinicId ?? null],
    );
    return next;
  }
}

function assertDistinct(changes: FaqPositionChange[]): void {
  const ids = new Set<string>();
  const positions = new Set<number>();
  changes.forEach((change, i) => {
    if (ids.has(change.id)) throw badInput(`items.${i}.id`, 'lists the same FAQ twice');
    if (positions.has(change.position)) {
      throw badInput(`items.${i}.position`, 'gives two FAQs the same position');
    }
    ids.add(change.id);
    positions.add(change.position);
  });
}
