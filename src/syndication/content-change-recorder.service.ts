import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ItemView } from '../editing/item-view';
import {
  type Subscribers,
  subscribersSql,
  WebhookOutboxService,
} from '../webhooks/webhook-outbox.service';
import { ACTION_OF, eventType } from '../webhooks/webhook-events';
import { ChangeOperation, isSyndicated, SyndicatedType } from './syndicated-types';

/** What the writer reports: a change to what delivery shows. */
export type PublishedChangeAction = keyof typeof ACTION_OF;

interface FeedRow {
  type: SyndicatedType;
  id: string;
  operation: ChangeOperation;
  version: number;
  clinicId: string | null;
}

/**
 * Records, in the writer's transaction, every change to published content:
 * rows of the brand's change feed (for partner sync) and webhook events in
 * the outbox. Both commit with the change, or not at all.
 *
 * Ordering: `seq` comes from the brand's row in content_feed_counters, and
 * that row stays locked until the transaction ends, so one brand's changes
 * commit in `seq` order and readers never see a gap fill in later. The
 * writer calls lockFeed() before it locks any item, so every transaction
 * takes the feed lock first and two publishes cannot deadlock on it.
 */
@Injectable()
export class ContentChangeRecorder {
  constructor(private readonly outbox: WebhookOutboxService) {}

  /** Takes the brand's feed lock (held until commit); call it before locking items. */
  async lockFeed(tx: EntityManager, brandId: string): Promise<void> {
    await tx.query(
      `INSERT INTO content_feed_counters (brand_id) VALUES ($1)
       ON CONFLICT (brand_id) DO UPDATE SET last_seq = content_feed_counters.last_seq`,
      [brandId],
    );
  }

  /**
   * Records a change. DELETE is reported while the row still exists, so
   * what the deletion takes with it (a price's offering, an FAQ's link to a
   * treatment) can still be read. `wasLive`: a PUBLISH of an item that was
   * published already (a new version of it).
   */
  async record(
    tx: EntityManager,
    item: ItemView,
    action: PublishedChangeAction,
    { wasLive = false }: { wasLive?: boolean } = {},
  ): Promise<void> {
    const operation: ChangeOperation = action === 'PUBLISH' ? 'UPSERT' : 'DELETE';
    const rows: FeedRow[] = [];
    if (isSyndicated(item.type)) {
      rows.push({
        type: item.type,
        id: item.id,
        operation,
        version: item.version,
        clinicId: await this.clinicOf(tx, item.type, item.id),
      });
    }
    // Dependents follow whether the item is live, not its content: a new
    // version of a live treatment or offering leaves them as they were
    // (at 10,000 clinics a treatment's copy edit would otherwise resend
    // its 20,000 FAQs to every partner).
    if (!(action === 'PUBLISH' && wasLive)) {
      rows.push(...(await this.dependents(tx, item, operation)));
    }
    const webhookAction = ACTION_OF[action];
    const { seqs, subscribers } = await this.append(
      tx,
      item.brandId,
      rows,
      eventType(item.type, webhookAction),
    );
    await this.outbox.enqueueTo(tx, subscribers, {
      brandId: item.brandId,
      type: item.type,
      id: item.id,
      version: item.version,
      action: webhookAction,
      sequence: isSyndicated(item.type) ? seqs[0] : null,
      values: action === 'PUBLISH' ? item.publishedValues : null,
    });
  }

  /**
   * Items whose partner view changes with this one although they were not
   * written: FAQs list only published treatments, and prices show only
   * while their clinic's offering of the treatment is published. Nothing
   * else of a treatment or an offering shows in them.
   */
  private async dependents(
    tx: EntityManager,
    item: ItemView,
    operation: ChangeOperation,
  ): Promise<FeedRow[]> {
    if (item.type === 'TREATMENT') {
      const faqs: { id: string; version: number; clinic_id: string | null }[] = await tx.query(
        `SELECT f.id, f.version, f.clinic_id
           FROM faq_treatments ft JOIN faqs f ON f.id = ft.faq_id
          WHERE ft.treatment_id = $1 AND f.publication_status = 'PUBLISHED'
          ORDER BY f.id`,
        [item.id],
      );
      return faqs.map((faq) => ({
        type: 'FAQ',
        id: faq.id,
        operation: 'UPSERT',
        version: faq.version,
        clinicId: faq.clinic_id,
      }));
    }
    if (item.type === 'CLINIC_TREATMENT') {
      const prices: { id: string; version: number; clinic_id: string }[] = await tx.query(
        `SELECT p.id, p.version, ct.clinic_id
           FROM price_items p JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id
          WHERE p.clinic_treatment_id = $1 AND p.publication_status = 'PUBLISHED'
          ORDER BY p.id`,
        [item.id],
      );
      return prices.map((price) => ({
        type: 'PRICE_ITEM',
        id: price.id,
        operation,
        version: price.version,
        clinicId: price.clinic_id,
      }));
    }
    return [];
  }

  /** The clinic an item belongs to (null = brand-wide), kept for clinic-limited keys. */
  private async clinicOf(
    tx: EntityManager,
    type: SyndicatedType,
    id: string,
  ): Promise<string | null> {
    const query = async (sql: string) =>
      ((await tx.query(sql, [id]))[0]?.clinic_id as string | null | undefined) ?? null;
    switch (type) {
      case 'CLINIC':
        return id;
      case 'TREATMENT':
        return null;
      case 'FAQ':
        return query(`SELECT clinic_id FROM faqs WHERE id = $1`);
      case 'PRICE_ITEM':
        return query(
          `SELECT ct.clinic_id FROM price_items p
             JOIN clinic_treatments ct ON ct.id = p.clinic_treatment_id WHERE p.id = $1`,
        );
    }
  }

  /**
   * Appends rows with the next sequence numbers of the brand; returns them in
   * order, with the webhook endpoints that get the event of `type` (and what
   * its body says of the brand). One statement: the counter's row is bumped
   * (locked by lockFeed already; left alone when there are no rows), the rows
   * numbered from it and the subscribers read in the same round trip, which
   * a publish waits for while the server is busy serving its pages.
   */
  private async append(
    tx: EntityManager,
    brandId: string,
    rows: FeedRow[],
    type: string,
  ): Promise<{ seqs: string[]; subscribers: Subscribers }> {
    const [{ first, ...subscribers }]: (Subscribers & { first: string | null })[] = await tx.query(
      `WITH counter AS (
         INSERT INTO content_feed_counters (brand_id, last_seq)
         SELECT $1::uuid, $2::bigint WHERE $2::bigint > 0
         ON CONFLICT (brand_id)
         DO UPDATE SET last_seq = content_feed_counters.last_seq + EXCLUDED.last_seq
         RETURNING last_seq - $2::bigint + 1 AS first
       ), appended AS (
         INSERT INTO content_changes (brand_id, seq, entity_type, entity_id, operation, version, clinic_id)
         SELECT $1, counter.first + u.i - 1, u.type, u.id, u.operation, u.version, u.clinic_id
           FROM counter,
                unnest($3::text[], $4::uuid[], $5::text[], $6::int[], $7::uuid[])
                WITH ORDINALITY AS u(type, id, operation, version, clinic_id, i)
       )
       SELECT counter.first::text AS first, s.*
         FROM (${subscribersSql('$1', '$8')}) s LEFT JOIN counter ON true`,
      [
        brandId,
        rows.length,
        rows.map((row) => row.type),
        rows.map((row) => row.id),
        rows.map((row) => row.operation),
        rows.map((row) => row.version),
        rows.map((row) => row.clinicId),
        type,
      ],
    );
    return {
      seqs: rows.map((_, i) => (BigInt(first!) + BigInt(i)).toString()),
      subscribers,
    };
  }
}
