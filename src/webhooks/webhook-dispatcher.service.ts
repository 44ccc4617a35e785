import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { type OutboundPolicy, outboundPolicyOf } from './outbound-address';
import { retryDelaySeconds } from './retry-policy';
import { WebhookSecretBox } from './webhook-secret-box';
import { WEBHOOK_SECRET_BOX } from './webhook-secret-key';
import { sendWebhook, SendResult } from './webhook-sender';
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  IDEMPOTENCY_HEADER,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './webhook-signature';

/** How many due deliveries one run claims and sends side by side. */
const BATCH = 50;
/** Runs per tick while full batches keep coming, so a backlog drains without starving shutdown. */
const MAX_BATCHES_PER_TICK = 10;
/** The lease outlasts the delivery's own timeout by this much (DB writes, clock skew). */
const LEASE_MARGIN_SECONDS = 30;

/**
 * What an attempt says until its result is recorded: it is written, and
 * committed, with the claim, before the request goes out, so a send that
 * dies with its process still shows up.
 */
export const ATTEMPT_IN_FLIGHT = 'sending: no result yet';
/** What it says once a later claim finds it never got a result. */
export const ATTEMPT_ABANDONED =
  'no result: the sending instance stopped mid-send (crash or restart); retried after its lease ran out';

interface ClaimedDelivery {
  id: string;
  attemptId: string;
  leaseToken: string;
  attempt: number;
  eventId: string;
  eventType: string;
  body: string;
  endpointId: string;
  url: string;
  secret: string;
}

/**
 * Sends webhook deliveries from the outbox. Any number of API instances may
 * run it: a run claims due deliveries with FOR UPDATE SKIP LOCKED and, in the
 * same statement, leases them (moves their due time past the end of the
 * send), then sends outside any transaction. So no two instances send the
 * same delivery at once, and a delivery whose instance died mid-send is due
 * again when its lease runs out: nothing is lost, at worst sent twice
 * (receivers deduplicate by the event id).
 *
 * Sends run side by side, each bounded by the timeout, so a receiver that
 * hangs, fails or closes the connection delays nobody else. A failure is
 * retried with exponential back-off until the delivery's give-up time (at
 * least 24 h after the event), then the delivery is DEAD, listed and
 * replayable.
 */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcherService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_SECRET_BOX) private readonly secrets: WebhookSecretBox,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.webhookWorkerIntervalSeconds;
    if (seconds > 0) {
      this.timer = setInterval(() => void this.tick(), seconds * 1000);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Claims and sends one batch of due deliveries; returns how many it handled. */
  runDue(): Promise<number> {
    const run = this.claimAndSend().finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async claimAndSend(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  /**
   * Claims and leases due deliveries and records their attempts as started,
   * in one statement: the attempt exists before anything is sent. Attempts
   * of the same deliveries still in flight belong to a sender that died:
   * they are marked so.
   */
  private claim(): Promise<ClaimedDelivery[]> {
    const lease = this.config.webhookTimeoutSeconds + LEASE_MARGIN_SECONDS;
    return this.db.query(
      `WITH claimed AS (
         UPDATE webhook_deliveries d
            SET next_attempt_at = now() + make_interval(secs => $1),
                lease_token = gen_random_uuid(),
                attempts = d.attempts + 1
          WHERE d.id IN (
                  SELECT x.id FROM webhook_deliveries x
                    JOIN webhook_endpoints w ON w.id = x.endpoint_id AND w.enabled
                   WHERE x.status = 'PENDING' AND x.next_attempt_at <= now()
                   ORDER BY x.next_attempt_at, x.id
                   LIMIT $2
                   FOR UPDATE OF x SKIP LOCKED)
          RETURNING d.id, d.lease_token, d.attempts, d.event_id, d.endpoint_id),
       abandoned AS (
         UPDATE webhook_attempts a
            SET error = $4,
                duration_ms = LEAST(extract(epoch FROM now() - a.started_at) * 1000, 2147483647)::int
           FROM claimed c
          WHERE a.delivery_id = c.id AND a.error = $3),
       started AS (
         INSERT INTO webhook_attempts
           (delivery_id, endpoint_id, attempt, started_at, duration_ms, succeeded, error)
         SELECT c.id, c.endpoint_id, c.attempts, now(), 0, false, $3 FROM claimed c
         RETURNING id, delivery_id)
       SELECT c.id, s.id::text AS "attemptId", c.lease_token AS "leaseToken", c.attempts AS attempt,
              c.event_id AS "eventId", e.event_type AS "eventType", e.body,
              c.endpoint_id AS "endpointId", w.url, w.secret
         FROM claimed c
         JOIN started s ON s.delivery_id = c.id
         JOIN webhook_events e ON e.id = c.event_id
         JOIN webhook_endpoints w ON w.id = c.endpoint_id`,
      [lease, BATCH, ATTEMPT_IN_FLIGHT, ATTEMPT_ABANDONED],
    );
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    let result: SendResult;
    try {
      result = await sendWebhook(
        delivery.url,
        delivery.body,
        {
          [SIGNATURE_HEADER]: signWebhook(
            this.secrets.open(delivery.secret),
            timestamp,
            delivery.body,
          ),
          [TIMESTAMP_HEADER]: String(timestamp),
          [EVENT_ID_HEADER]: delivery.eventId,
          [EVENT_TYPE_HEADER]: delivery.eventType,
          [IDEMPOTENCY_HEADER]: delivery.eventId,
        },
        { policy: this.policy(), timeoutMs: this.config.webhookTimeoutSeconds * 1000 },
      );
    } catch (error) {
      result = { ok: false, statusCode: null, error: `internal error: ${String(error)}` };
    }
    try {
      await this.settle(delivery, result, startedAt);
    } catch (error) {
      // The lease runs out and another run retries: nothing is lost.
      this.logger.error(`Could not record webhook delivery ${delivery.id}: ${String(error)}`);
    }
  }

  /**
   * Records the attempt's result and the delivery's new state. The lease token guards
   * the update: if this send outlived its lease and another instance took
   * the delivery over, that instance's outcome stands.
   */
  private async settle(delivery: ClaimedDelivery, result: SendResult, startedAt: Date) {
    const retryIn = retryDelaySeconds(delivery.attempt, this.config.webhookRetryBaseSeconds);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_attempts SET duration_ms = $2, status_code = $3, succeeded = $4, error = $5
          WHERE id = $1`,
        [
          delivery.attemptId,
          Date.now() - startedAt.getTime(),
          result.statusCode,
          result.ok,
          result.error,
        ],
      );
      if (result.ok) {
        await tx.query(
          `UPDATE webhook_deliveries
              SET status = 'SUCCEEDED', completed_at = now(), lease_token = NULL,
                  last_status_code = $3, last_error = NULL
            WHERE id = $1 AND lease_token = $2`,
          [delivery.id, delivery.leaseToken, result.statusCode],
        );
        return;
      }
      // Retried until the give-up time (one last try at it), then DEAD.
      await tx.query(
        `UPDATE webhook_deliveries
            SET status = CASE WHEN now() >= give_up_at THEN 'DEAD' ELSE 'PENDING' END,
                completed_at = CASE WHEN now() >= give_up_at THEN now() END,
                next_attempt_at = LEAST(now() + make_interval(secs => $3), give_up_at),
                lease_token = NULL, last_status_code = $4, last_error = $5
          WHERE id = $1 AND lease_token = $2`,
        [delivery.id, delivery.leaseToken, retryIn, result.statusCode, result.error],
      );
    });
  }

  private policy(): OutboundPolicy {
    return outboundPolicyOf(this.config);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      for (let batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
        if ((await this.runDue()) < BATCH) break;
      }
    } catch (error) {
      this.logger.error(`Webhook delivery failed: ${String(error)}`);
    }
  }
}
