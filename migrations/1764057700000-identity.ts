import { MigrationInterface, QueryRunner } from 'typeorm';

/** sha256 of a token or key, as lowercase hex: plain secrets are never stored. */
const SHA256_HEX = `CHECK (%s ~ '^[0-9a-f]{64}$')`;
const sha256Check = (column: string) => SHA256_HEX.replace('%s', column);

/**
 * Identities: editor accounts with their region/clinic assignments, login
 * sessions with opaque rotating tokens, API keys for machines, and the audit
 * log of every write and login (which also feeds login rate limiting).
 */
export class Identity1764057700000 implements MigrationInterface {
  name = 'Identity1764057700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320 AND email LIKE '%_@_%'),
        password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
        role text NOT NULL
          CHECK (role IN ('BRAND_ADMIN', 'BRAND_EDITOR', 'REGION_EDITOR', 'CLINIC_EDITOR')),
        display_name text NOT NULL DEFAULT '' CHECK (length(display_name) <= 200),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0)
      )`);
    // One account per address whatever its case: login looks up lower(email).
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_uq ON users (lower(email))`);
    await queryRunner.query(`CREATE INDEX users_brand_idx ON users (brand_id, lower(email))`);

    await queryRunner.query(`
      CREATE TABLE user_regions (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, region_id)
      )`);
    await queryRunner.query(`CREATE INDEX user_regions_region_idx ON user_regions (region_id)`);

    await queryRunner.query(`
      CREATE TABLE user_clinics (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        clinic_id uuid NOT NULL REFERENCES clinics (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, clinic_id)
      )`);
    await queryRunner.query(`CREATE INDEX user_clinics_clinic_idx ON user_clinics (clinic_id)`);

    // A session holds the current access/refresh token pair; refreshing
    // replaces both hashes, so the previous access token stops at once.
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        access_token_hash text NOT NULL UNIQUE ${sha256Check('access_token_hash')},
        access_expires_at timestamptz NOT NULL,
        refresh_token_hash text NOT NULL UNIQUE ${sha256Check('refresh_token_hash')},
        refresh_expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        user_agent text CHECK (length(user_agent) <= 500),
        ip text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    // Refresh tokens already exchanged. Presenting one again means it leaked
    // (or a client replayed it): the whole session is revoked.
    await queryRunner.query(`
      CREATE TABLE retired_refresh_tokens (
        token_hash text PRIMARY KEY ${sha256Check('token_hash')},
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        retired_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX retired_refresh_tokens_session_idx ON retired_refresh_tokens (session_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix text NOT NULL UNIQUE CHECK (prefix ~ '^cca_live_[a-z0-9]{8}$'),
        key_hash text NOT NULL UNIQUE ${sha256Check('key_hash')},
        scopes text[] NOT NULL
          CHECK (cardinality(scopes) > 0
             AND scopes <@ ARRAY['delivery', 'preview', 'partner', 'admin']::text[]),
        clinic_ids uuid[] CHECK (cardinality(clinic_ids) > 0),
        expires_at timestamptz,
        revoked_at timestamptz,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_keys_brand_idx ON api_keys (brand_id, created_at)`);

    // Append-only. brand_id is NULL for events no brand owns (a failed login
    // for an unknown email).
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        brand_id uuid REFERENCES brands (id),
        actor_kind text NOT NULL
          CHECK (actor_kind IN ('ANONYMOUS', 'USER', 'API_KEY', 'CLI', 'SYSTEM')),
        actor_id text,
        actor_label text NOT NULL,
        action text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]*$'),
        target_type text,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_log_brand_created_idx ON audit_log (brand_id, created_at DESC, id DESC)`,
    );
    // Login rate limiting counts recent LOGIN_FAILED rows.
    await queryRunner.query(
      `CREATE INDEX audit_log_action_created_idx ON audit_log (action, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'api_keys',
      'retired_refresh_tokens',
      'sessions',
      'user_clinics',
      'user_regions',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
