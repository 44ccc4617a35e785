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
    const type = eventType(event.type, event.action);
    const endpoints: { id: string }[] = await tx.query(
      `SELECT id FROM webhook_endpoints WHERE brand_id = $1 AND enabled AND $2 = ANY(events)`,
      [event.brandId, type],
    );
    if (endpoints.length === 0) return;
    await this.insert(
      tx,
      event.brandId,
      endpoints.map((endpoint) => endpoint.id),
      type,
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
    const [deliveryId] = await this.insert(
      tx,
      brandId,
      [endpointId],
      TEST_EVENT_TYPE,
      (): WebhookTestEventBody['data'] => ({ test: true, endpointId }),
    );
    return deliveryId;
  }

  /** Stores one event and its deliveries (in the caller's transaction); returns their ids. */
  private async insert(
    tx: EntityManager,
    brandId: string,
    endpointIds: string[],
    type: string,
    data: (epoch: string) => WebhookEventBody['data'] | WebhookTestEventBody['data'],
  ): Promise<string[]> {
    const [{ slug, now, epoch }] = await tx.query(
      `SELECT slug, now() AS now, (SELECT epoch FROM deployment_epoch) AS epoch
         FROM brands WHERE id = $1`,
      [brandId],
    );
    const body = {
      id: randomUUID(),
      type,
      createdAt: (now as Date).toISOString(),
      brand: { id: brandId, slug },
      data: data(epoch),
    };
    await tx.query(
      `INSERT INTO webhook_events (id, brand_id, event_type, body) VALUES ($1, $2, $3, $4)`,
      [body.id, brandId, type, JSON.stringify(body)],
    );
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO webhook_deliveries (event_id, endpoint_id, give_up_at)
       SELECT $1, unnest($2::uuid[]), now() + make_interval(secs => $3) RETURNING id`,
      [body.id, endpointIds, this.config.webhookRetryWindowSeconds],
    );
    return rows.map((row) => row.id);
  }
}
