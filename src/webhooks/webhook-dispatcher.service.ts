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

/** How many deliveries one instance sends side by side (and one runDue claims). */
const MAX_IN_FLIGHT = 50;
/**
 * At most this many of them to one endpoint, so that a receiver that answers
 * slowly (or not at all) holds only its own share of the sends and the
 * others' deliveries go on.
 */
const PER_ENDPOINT = 10;
/** The worker claims again once this many sends are free, so claims stay batched. */
const REFILL_AT = MAX_IN_FLIGHT / 2;
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
 * run it: a claim takes due deliveries with FOR UPDATE SKIP LOCKED and, in
 * the same statement, leases them (moves their due time past the end of the
 * send), then sends outside any transaction. So no two instances send the
 * same delivery at once, and a delivery whose instance died mid-send is due
 * again when its lease runs out: nothing is lost, at worst sent twice
 * (receivers deduplicate by the event id).
 *
 * The worker (drain) keeps up to MAX_IN_FLIGHT sends going, each bounded by
 * the timeout, and claims more as they finish rather than after a whole
 * batch; a claim takes each endpoint's earliest due deliveries, at most
 * PER_ENDPOINT of them in flight per endpoint. So a receiver that hangs,
 * answers late, fails or closes the connection delays only its own
 * deliveries. A failure is retried with exponential back-off until the
 * delivery's give-up time (at least 24 h after the event), then the
 * delivery is DEAD, listed and replayable.
 */
@Injectable()
export class WebhookDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcherService.name);
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  /** Set by a tick while the worker is sending: claim again now, not only when sends finish. */
  private poked = false;
  /** Signals (see signal()) since the worker last waited, and how to wake it while it waits. */
  private signals = 0;
  private wake: (() => void) | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WEBHOOK_SECRET_BOX) private readonly secrets: WebhookSecretBox,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.webhookWorkerIntervalSeconds;
    if (seconds > 0) {
      this.timer = setInterval(() => this.tick(), seconds * 1000);
      this.timer.unref();
    }
  }

  /** Sends already started finish (each within the timeout); nothing new is claimed. */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopping = true;
    this.signal();
    await this.draining;
  }

  /** Claims one batch of due deliveries and sends them side by side; returns how many. */
  async runDue(): Promise<number> {
    const claimed = await this.claim();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  /**
   * The worker: sends due deliveries until none is due and none is in
   * flight, keeping up to MAX_IN_FLIGHT sends going (PER_ENDPOINT per
   * endpoint) and claiming more as they finish. A call while it runs joins
   * the same run.
   */
  drain(): Promise<void> {
    this.draining ??= this.sendWhileDue().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async sendWhileDue(): Promise<void> {
    const inFlight = new Map<string, { endpointId: string; done: Promise<void> }>();
    while (!this.stopping) {
      const room = MAX_IN_FLIGHT - inFlight.size;
      let nothingDue = false;
      if (room > 0 && (inFlight.size === 0 || room >= REFILL_AT || this.poked)) {
        this.poked = false;
        const sending = sendsPerEndpoint(inFlight.values());
        const batch = await this.claim(room, sending);
        // Only a claim made with nothing in flight saw every endpoint's due
        // deliveries: one made while an endpoint had PER_ENDPOINT sends going
        // left its others out, and those sends may have ended meanwhile.
        nothingDue = batch.length === 0 && sending.size === 0;
        for (const delivery of batch) {
          const done = this.deliver(delivery).finally(() => {
            inFlight.delete(delivery.id);
            this.signal();
          });
          inFlight.set(delivery.id, { endpointId: delivery.endpointId, done });
        }
      }
      if (inFlight.size > 0) await this.signalled();
      else if (nothingDue) return;
    }
    await Promise.all([...inFlight.values()].map((send) => send.done));
  }

  /** Wakes the worker: a send finished, a tick came, or the app stops. */
  private signal(): void {
    this.signals++;
    this.wake?.();
  }

  /** Resolves at the next signal, or at once if one came since the last wait. */
  private async signalled(): Promise<void> {
    if (this.signals === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    this.signals = 0;
  }

  /**
   * Claims and leases up to `limit` due deliveries, the earliest first, with
   * at most PER_ENDPOINT per endpoint less what `sending` says this instance
   * already sends to it, and records their attempts as started, in one
   * statement: the attempt exists before anything is sent. Attempts of the
   * same deliveries still in flight belong to a sender that died: they are
   * marked so.
   */
  private claim(
    limit = MAX_IN_FLIGHT,
    sending = new Map<string, number>(),
  ): Promise<ClaimedDelivery[]> {
    const lease = this.config.webhookTimeoutSeconds + LEASE_MARGIN_SECONDS;
    const busy = [...sending.keys()];
    return this.db.query(
      `WITH due AS (
         SELECT c.id
           FROM webhook_endpoints w
           LEFT JOIN unnest($5::uuid[], $6::int[]) AS b(endpoint_id, sending) ON b.endpoint_id = w.id
           CROSS JOIN LATERAL (
             SELECT x.id, x.next_attempt_at FROM webhook_deliveries x
              WHERE x.endpoint_id = w.id AND x.status = 'PENDING' AND x.next_attempt_at <= now()
              ORDER BY x.next_attempt_at, x.id
              LIMIT greatest($7 - coalesce(b.sending, 0), 0)) c
          WHERE w.enabled
          ORDER BY c.next_attempt_at, c.id
          LIMIT $2),
       claimed AS (
         UPDATE webhook_deliveries d
            SET next_attempt_at = now() + make_interval(secs => $1),
                lease_token = gen_random_uuid(),
                attempts = d.attempts + 1
          WHERE d.id IN (
                  SELECT x.id FROM webhook_deliveries x
                   WHERE x.id IN (SELECT id FROM due)
                     AND x.status = 'PENDING' AND x.next_attempt_at <= now()
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
      [
        lease,
        limit,
        ATTEMPT_IN_FLIGHT,
        ATTEMPT_ABANDONED,
        busy,
        busy.map((id) => sending.get(id)!),
        PER_ENDPOINT,
      ],
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

  /** Starts the worker, or tells the running one to look for due deliveries now. */
  private tick(): void {
    if (this.draining) {
      this.poked = true;
      this.signal();
      return;
    }
    this.drain().catch((error: unknown) => {
      this.logger.error(`Webhook delivery failed: ${String(error)}`);
    });
  }
}

/** How many deliveries are being sent to each endpoint. */
function sendsPerEndpoint(sends: Iterable<{ endpointId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { endpointId } of sends) counts.set(endpointId, (counts.get(endpointId) ?? 0) + 1);
  return counts;
}
