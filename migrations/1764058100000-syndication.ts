import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Syndication: the change feed partners sync from, the webhook outbox, and
 * the shared rate-limit buckets.
 *
 * `content_changes` gets one row per change to what partners can see, in the
 * transaction that publishes it. `seq` comes from the brand's row in
 * `content_feed_counters`, which that transaction keeps locked until it
 * commits, so a brand's changes commit in `seq` order and a reader that has
 * seen `seq` n has seen every change up to n.
 *
 * Webhooks: `webhook_events` holds the exact body of each event (signed as
 * stored), `webhook_deliveries` one row per event and endpoint (the outbox
 * workers claim with FOR UPDATE SKIP LOCKED), `webhook_attempts` every try.
 */
export class Syndication1764058100000 implements MigrationInterface {
  name = 'Syndication1764058100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE content_feed_counters (
        brand_id uuid PRIMARY KEY REFERENCES brands (id),
        last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE content_changes (
        brand_id uuid NOT NULL REFERENCES brands (id),
        seq bigint NOT NULL CHECK (seq > 0),
        entity_type text NOT NULL
          CHECK (entity_type IN ('CLINIC', 'TREATMENT', 'FAQ', 'PRICE_ITEM')),
        entity_id uuid NOT NULL,
        operation text NOT NULL CHECK (operation IN ('UPSERT', 'DELETE')),
        version integer NOT NULL,
        -- The clinic the item belongs to (NULL for brand-wide items), kept
        -- here because a tombstone's row is gone: clinic-limited keys filter on it.
        clinic_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, seq)
      )`);

    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
        description text CHECK (length(description) <= 500),
        secret text NOT NULL CHECK (length(secret) >= 24),
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        enabled boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_endpoints_brand_idx ON webhook_endpoints (brand_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE webhook_events (
        id uuid PRIMARY KEY,
        brand_id uuid NOT NULL REFERENCES brands (id),
        event_type text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SUCCEEDED', 'DEAD')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        -- Due time; a claim moves it to the end of the claim's lease, so a
        -- delivery whose worker died becomes due again by itself.
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        give_up_at timestamptz NOT NULL,
        lease_token uuid,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (event_id, endpoint_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, id)`,
    );

    await queryRunner.query(`
      CREATE TABLE webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        succeeded boolean NOT NULL,
        error text
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_attempts_endpoint_idx ON webhook_attempts (endpoint_id, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id DESC)`,
    );

    // Token buckets shared by every instance (see src/syndication/rate-limiter.ts).
    await queryRunner.query(`
      CREATE TABLE rate_limit_buckets (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        allowed boolean NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limit_buckets',
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_events',
      'webhook_endpoints',
      'content_changes',
      'content_feed_counters',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
