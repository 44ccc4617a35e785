import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { actorLabel } from '../auth/actor';
import { badInput, DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { updateReturning } from '../database/update-returning';
import type { ContentType } from '../content-types/registry';
import type { PageWindow } from '../graphql/connection';
import type {
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookSubscription,
} from './dtos/webhook-endpoint.object';
import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
} from './dtos/webhook-endpoint.inputs';
import type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
} from './dtos/webhook-delivery.object';
import {
  checkWebhookUrl,
  outboundPolicyOf,
  OutboundRefusal,
  resolveWebhookTarget,
} from './outbound-address';
import { eventTypesOf, subscriptionsOf, WebhookAction } from './webhook-events';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WebhookSecretBox } from './webhook-secret-box';
import { WEBHOOK_SECRET_BOX } from './webhook-secret-key';
import { newWebhookSecret } from './webhook-signature';
import { requireBrandPermission } from '../access/brand-access';
import { Permission } from '../access/permission';

/** A brand's endpoints; a bound keeps the fan-out of one change small. */
export const MAX_ENDPOINTS_PER_BRAND = 20;

interface EndpointRow {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  secret: string;
  createdAt: Date;
  updatedAt: Date;
}

const ENDPOINT_COLUMNS = `id, url, description, events, enabled, secret,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const DELIVERY_COLUMNS = `d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId",
  e.event_type AS "eventType", d.status, d.attempts,
  CASE WHEN d.status = 'PENDING' THEN d.next_attempt_at END AS "nextAttemptAt",
  d.give_up_at AS "giveUpAt", d.last_status_code AS "lastStatusCode", d.last_error AS "lastError",
  d.created_at AS "createdAt", d.completed_at AS "completedAt", e.body`;

/**
 * Webhook endpoints of a brand and their deliveries, for its admins. A URL
 * is checked when it is registered (https, and its host must resolve to
 * public addresses only) and again by the dispatcher on every send.
 */
@Injectable()
export class WebhookEndpointsService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_SECRET_BOX) private readonly secrets: WebhookSecretBox,
    private readonly outbox: WebhookOutboxService,
  ) {}

  /**
   * Encrypts secrets stored in plain text (by builds before encryption at
   * rest). Idempotent and safe with several instances starting together.
   */
  async onApplicationBootstrap(): Promise<void> {
    const plain: { id: string; secret: string }[] = await this.db.query(
      `SELECT id, secret FROM webhook_endpoints WHERE secret NOT LIKE 'enc:v1:%'`,
    );
    for (const { id, secret } of plain) {
      await this.db.query(
        `UPDATE webhook_endpoints SET secret = $3 WHERE id = $1 AND secret = $2`,
        [id, secret, this.secrets.seal(secret)],
      );
    }
  }

  async list(actor: Actor): Promise<WebhookEndpoint[]> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    const rows: EndpointRow[] = await this.db.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE brand_id = $1 ORDER BY created_at, id`,
      [brandId],
    );
    return rows.map((row) => this.toEndpoint(row));
  }

  async create(
    actor: Actor,
    input: CreateWebhookEndpointInput,
    ip?: string | null,
  ): Promise<WebhookEndpointWithSecret> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    const url = await this.checkUrl(input.url);
    const secret = input.secret ?? newWebhookSecret();
    return this.db.transaction(async (tx) => {
      // Serializes creates of one brand, so the bound below holds.
      await tx.query(`SELECT 1 FROM brands WHERE id = $1 FOR NO KEY UPDATE`, [admin.brandId]);
      const [{ count }] = await tx.query(
        `SELECT count(*)::int AS count FROM webhook_endpoints WHERE brand_id = $1`,
        [admin.brandId],
      );
      if (count >= MAX_ENDPOINTS_PER_BRAND) {
        throw badInput('url', `a brand has at most ${MAX_ENDPOINTS_PER_BRAND} webhook endpoints`);
      }
      const [row]: EndpointRow[] = await tx.query(
        `INSERT INTO webhook_endpoints (brand_id, url, description, secret, events, created_by)
         VALUES ($1, $2, $3, $4, $5::text[], $6) RETURNING ${ENDPOINT_COLUMNS}`,
        [
          admin.brandId,
          url,
          input.description ?? null,
          this.secrets.seal(secret),
          eventTypesOf(input.subscriptions as WebhookSubscriptionInputs),
          actorLabel(admin),
        ],
      );
      await this.record(tx, actor, admin.brandId, 'CREATE_WEBHOOK_ENDPOINT', row, ip);
      return { endpoint: this.toEndpoint(row), secret };
    });
  }

  async update(
    actor: Actor,
    input: UpdateWebhookEndpointInput,
    ip?: string | null,
  ): Promise<WebhookEndpoint> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    const url = input.url == null ? null : await this.checkUrl(input.url);
    return this.db.transaction(async (tx) => {
      await this.own(tx, admin.brandId, input.id, true);
      const [row] = await updateReturning<EndpointRow>(
        tx,
        `UPDATE webhook_endpoints
            SET url = coalesce($3, url),
                description = CASE WHEN $4 THEN $5 ELSE description END,
                events = coalesce($6::text[], events),
                enabled = coalesce($7, enabled),
                updated_at = now()
          WHERE id = $1 AND brand_id = $2
          RETURNING ${ENDPOINT_COLUMNS}`,
        [
          input.id,
          admin.brandId,
          url,
          input.description !== undefined,
          input.description ?? null,
          input.subscriptions
            ? eventTypesOf(input.subscriptions as WebhookSubscriptionInputs)
            : null,
          input.enabled ?? null,
        ],
      );
      await this.record(tx, actor, admin.brandId, 'UPDATE_WEBHOOK_ENDPOINT', row, ip);
      return this.toEndpoint(row);
    });
  }

  /** A new secret takes effect for every send from now on, retries included. */
  async rotateSecret(
    actor: Actor,
    id: string,
    secret: string | null | undefined,
    ip?: string | null,
  ): Promise<WebhookEndpointWithSecret> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    const next = secret ?? newWebhookSecret();
    return this.db.transaction(async (tx) => {
      await this.own(tx, admin.brandId, id, true);
      const [row] = await updateReturning<EndpointRow>(
        tx,
        `UPDATE webhook_endpoints SET secret = $3, updated_at = now()
          WHERE id = $1 AND brand_id = $2 RETURNING ${ENDPOINT_COLUMNS}`,
        [id, admin.brandId, this.secrets.seal(next)],
      );
      await this.record(tx, actor, admin.brandId, 'ROTATE_WEBHOOK_SECRET', row, ip);
      return { endpoint: this.toEndpoint(row), secret: next };
    });
  }

  /** Deletes the endpoint with its queued deliveries and their history. */
  async remove(actor: Actor, id: string, ip?: string | null): Promise<WebhookEndpoint> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    return this.db.transaction(async (tx) => {
      const row = await this.own(tx, admin.brandId, id, true);
      await tx.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [id]);
      await this.record(tx, actor, admin.brandId, 'DELETE_WEBHOOK_ENDPOINT', row, ip);
      return this.toEndpoint(row);
    });
  }

  /** An endpoint's deliveries, newest first. */
  async deliveries(
    actor: Actor,
    endpointId: string,
    status: WebhookDeliveryStatus | null | undefined,
    window: PageWindow,
  ): Promise<{ rows: WebhookDelivery[]; totalCount: number }> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    await this.own(this.db.manager, brandId, endpointId);
    const rows: (WebhookDelivery & { total: number })[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS}, count(*) OVER ()::int AS total
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.endpoint_id = $1 AND ($2::text IS NULL OR d.status = $2)
        ORDER BY d.created_at DESC, d.id
        LIMIT $3 OFFSET $4`,
      [endpointId, status ?? null, window.limit, window.offset],
    );
    const totalCount = rows[0]?.total ?? (await this.countDeliveries(endpointId, status));
    return { rows: rows.map(({ total: _total, ...row }) => row), totalCount };
  }

  /** Every attempt to reach an endpoint, newest first. */
  async attempts(
    actor: Actor,
    endpointId: string,
    deliveryId: string | null | undefined,
    window: PageWindow,
  ): Promise<{ rows: WebhookAttempt[]; totalCount: number }> {
    const { brandId } = requireBrandPermission(actor, Permission.BrandAdmin);
    await this.own(this.db.manager, brandId, endpointId);
    const where = `a.endpoint_id = $1 AND ($2::uuid IS NULL OR a.delivery_id = $2)`;
    const rows: WebhookAttempt[] = await this.db.query(
      `SELECT a.id::text, a.delivery_id AS "deliveryId", d.event_id AS "eventId",
              e.event_type AS "eventType", a.attempt, a.started_at AS "startedAt",
              a.duration_ms AS "durationMs", a.status_code AS "statusCode", a.succeeded, a.error
         FROM webhook_attempts a
         JOIN webhook_deliveries d ON d.id = a.delivery_id
         JOIN webhook_events e ON e.id = d.event_id
        WHERE ${where}
        ORDER BY a.id DESC
        LIMIT $3 OFFSET $4`,
      [endpointId, deliveryId ?? null, window.limit, window.offset],
    );
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM webhook_attempts a WHERE ${where}`,
      [endpointId, deliveryId ?? null],
    );
    return { rows, totalCount: count };
  }

  /**
   * Sends a DEAD delivery again: the same event (same id and body, so the
   * receiver can still deduplicate), with a fresh retry window.
   */
  async replay(actor: Actor, deliveryId: string, ip?: string | null): Promise<WebhookDelivery> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    return this.db.transaction(async (tx) => {
      const [found] = await tx.query(
        `SELECT d.status FROM webhook_deliveries d
           JOIN webhook_endpoints w ON w.id = d.endpoint_id
          WHERE d.id = $1 AND w.brand_id = $2 FOR UPDATE OF d`,
        [deliveryId, admin.brandId],
      );
      if (!found) {
        throw new DomainError('FORBIDDEN', `id: ${deliveryId} is not a delivery of your brand`, {
          argument: 'id',
        });
      }
      if (found.status !== 'DEAD') {
        throw badInput('id', `the delivery is ${found.status}: only DEAD deliveries are replayed`);
      }
      await tx.query(
        `UPDATE webhook_deliveries
            SET status = 'PENDING', next_attempt_at = now(), completed_at = NULL,
                give_up_at = now() + make_interval(secs => $2), lease_token = NULL
          WHERE id = $1`,
        [deliveryId, this.config.webhookRetryWindowSeconds],
      );
      await this.audit.record(
        {
          brandId: admin.brandId,
          actor,
          action: 'REPLAY_WEBHOOK_DELIVERY',
          targetType: 'WEBHOOK_DELIVERY',
          targetId: deliveryId,
          ip,
        },
        tx,
      );
      return this.delivery(tx, deliveryId);
    });
  }

  /**
   * Queues a signed `webhook.test` event for this endpoint only, through the
   * outbox like any event: the dispatcher sends it, and it is listed, retried
   * and replayable like any delivery. A disabled endpoint keeps it queued
   * until it is enabled again.
   */
  async sendTest(actor: Actor, endpointId: string, ip?: string | null): Promise<WebhookDelivery> {
    const admin = requireBrandPermission(actor, Permission.BrandAdmin);
    return this.db.transaction(async (tx) => {
      await this.own(tx, admin.brandId, endpointId);
      const deliveryId = await this.outbox.enqueueTest(tx, admin.brandId, endpointId);
      await this.audit.record(
        {
          brandId: admin.brandId,
          actor,
          action: 'SEND_TEST_WEBHOOK_EVENT',
          targetType: 'WEBHOOK_ENDPOINT',
          targetId: endpointId,
          details: { deliveryId },
          ip,
        },
        tx,
      );
      return this.delivery(tx, deliveryId);
    });
  }

  private async delivery(db: EntityManager, id: string): Promise<WebhookDelivery> {
    const [row] = await db.query(
      `SELECT ${DELIVERY_COLUMNS}
         FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
        WHERE d.id = $1`,
      [id],
    );
    return row as WebhookDelivery;
  }

  /** Registration-time check; the dispatcher checks again on every send. */
  private async checkUrl(raw: string): Promise<string> {
    const policy = outboundPolicyOf(this.config);
    try {
      const url = checkWebhookUrl(raw.trim(), policy);
      await resolveWebhookTarget(url, policy);
      return url.toString();
    } catch (error) {
      if (error instanceof OutboundRefusal) throw badInput('url', error.message);
      throw error;
    }
  }

  /** The endpoint (locked on request); FORBIDDEN for an id outside the brand, whether it exists or not. */
  private async own(
    db: EntityManager,
    brandId: string,
    id: string,
    forUpdate = false,
  ): Promise<EndpointRow> {
    const [row]: EndpointRow[] = await db.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND brand_id = $2
         ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id, brandId],
    );
    if (!row) {
      throw new DomainError('FORBIDDEN', `id: ${id} is not one of your brand's webhook endpoints`, {
        argument: 'id',
      });
    }
    return row;
  }

  private async countDeliveries(
    endpointId: string,
    status: WebhookDeliveryStatus | null | undefined,
  ): Promise<number> {
    const [{ count }] = await this.db.query(
      `SELECT count(*)::int AS count FROM webhook_deliveries
        WHERE endpoint_id = $1 AND ($2::text IS NULL OR status = $2)`,
      [endpointId, status ?? null],
    );
    return count;
  }

  private toEndpoint(row: EndpointRow): WebhookEndpoint {
    return {
      id: row.id,
      url: row.url,
      description: row.description,
      subscriptions: subscriptionsOf(row.events) as unknown as WebhookSubscription[],
      enabled: row.enabled,
      secretPrefix: this.secrets.open(row.secret).slice(0, 10),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    brandId: string,
    action: string,
    row: EndpointRow,
    ip?: string | null,
  ): Promise<void> {
    return this.audit.record(
      {
        brandId,
        actor,
        action,
        targetType: 'WEBHOOK_ENDPOINT',
        targetId: row.id,
        // Never the secret.
        details: { url: row.url, events: row.events, enabled: row.enabled },
        ip,
      },
      tx,
    );
  }
}

type WebhookSubscriptionInputs = { type: ContentType; actions: WebhookAction[] }[];
