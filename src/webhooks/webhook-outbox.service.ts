import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { ContentType } from '../content-types/registry';
import {
  eventType,
  TEST_EVENT_TYPE,
  WebhookAction,
  WebhookEventBody,
  WebhookTestEventBody,
} from './webhook-events';

export interface OutboxEvent {
  brandId: string;
  type: ContentType;
  id: string;
  version: number;
  action: WebhookAction;
  sequence: string | null;
  values: Record<string, unknown> | null;
}

/**
 * Puts webhook events in the outbox, inside the transaction of the change
 * (the transactional outbox): they commit with it or not at all, and the
 * dispatcher sends them later, from any instance.
 */
@Injectable()
export class WebhookOutboxService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Queues the event for every enabled endpoint of the brand subscribed to it. */
  async enqueue(tx: EntityManager, event: OutboxEvent): Promise<void> {
    const [subscribers]: Subscribers[] = await tx.query(subscribersSql('$1', '$2'), [
      event.brandId,
      eventType(event.type, event.action),
    ]);
    await this.enqueueTo(tx, subscribers, event);
  }

  /**
   * Queues the event for `subscribers`, read with subscribersSql in a
   * statement of the caller's (the change feed's): no statement at all when
   * no endpoint subscribes, one otherwise.
   */
  async enqueueTo(tx: EntityManager, subscribers: Subscribers, event: OutboxEvent): Promise<void> {
    if (subscribers.endpointIds.length === 0) return;
    await this.insert(
      tx,
      event.brandId,
      subscribers,
      eventType(event.type, event.action),
      (epoch): WebhookEventBody['data'] => ({
        type: event.type,
        id: event.id,
        version: event.version,
        sequence: event.sequence,
        epoch,
        values: event.values,
      }),
    );
  }

  /**
   * Queues a `webhook.test` event for one endpoint only (whatever it
   * subscribes to): signed and sent like any other, so it shows whether the
   * receiver gets, verifies and acknowledges events. Returns the delivery id.
   */
  async enqueueTest(tx: EntityManager, brandId: string, endpointId: string): Promise<string> {
    const [{ endpointIds: _all, ...brand }]: Subscribers[] = await tx.query(
      subscribersSql('$1', 'NULL'),
      [brandId],
    );
    const [deliveryId] = await this.insert(
      tx,
      brandId,
      { ...brand, endpointIds: [endpointId] },
      TEST_EVENT_TYPE,
      (): WebhookTestEventBody['data'] => ({ test: true, endpointId }),
    );
    return deliveryId;
  }

  /** Stores one event and its deliveries (in the caller's transaction, one statement); returns their ids. */
  private async insert(
    tx: EntityManager,
    brandId: string,
    { endpointIds, slug, now, epoch }: Subscribers,
    type: string,
    data: (epoch: string) => WebhookEventBody['data'] | WebhookTestEventBody['data'],
  ): Promise<string[]> {
    const body = {
      id: randomUUID(),
      type,
      createdAt: now.toISOString(),
      brand: { id: brandId, slug },
      data: data(epoch),
    };
    // The deliveries' foreign key is checked at the end of the statement,
    // when the event inserted beside them exists.
    const rows: { id: string }[] = await tx.query(
      `WITH event AS (
         INSERT INTO webhook_events (id, brand_id, event_type, body) VALUES ($1, $2, $3, $4)
       )
       INSERT INTO webhook_deliveries (event_id, endpoint_id, give_up_at)
       SELECT $1, unnest($5::uuid[]), now() + make_interval(secs => $6) RETURNING id`,
      [
        body.id,
        brandId,
        type,
        JSON.stringify(body),
        endpointIds,
        this.config.webhookRetryWindowSeconds,
      ],
    );
    return rows.map((row) => row.id);
  }
}

/** Who gets an event of a brand, and what its body says of the brand and the moment. */
export interface Subscribers {
  /** The brand's enabled endpoints subscribed to the event's type. */
  endpointIds: string[];
  slug: string;
  /** The transaction's time: the event's createdAt. */
  now: Date;
  /** The deployment's epoch (see webhook-events.ts). */
  epoch: string;
}

/**
 * The one row of Subscribers for the brand `brand` and the event type
 * `type` (SQL expressions, e.g. parameters), for a caller to read within a
 * statement of its own: the change feed reads it as it appends.
 */
export function subscribersSql(brand: string, type: string): string {
  return `SELECT ARRAY(SELECT id FROM webhook_endpoints
                        WHERE brand_id = ${brand} AND enabled AND ${type} = ANY(events)) AS "endpointIds",
                 (SELECT slug FROM brands WHERE id = ${brand}) AS slug, now() AS now,
                 (SELECT epoch FROM deployment_epoch) AS epoch`;
}
