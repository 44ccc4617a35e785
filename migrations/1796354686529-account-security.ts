import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account security (issue 9): e-mails unique per brand instead of across
 * brands (so creating an account never tells one brand who has an account in
 * another), the login throttle's counters, and one-time password reset tokens.
 */
export class AccountSecurity1796354686529 implements MigrationInterface {
  name = 'AccountSecurity1796354686529';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_email_uq`);
    await queryRunner.query(`DROP INDEX users_brand_idx`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX users_brand_email_uq ON users (brand_id, lower(email))`,
    );
    // Login looks an address up in every brand.
    await queryRunner.query(`CREATE INDEX users_email_idx ON users (lower(email))`);

    // rate-limiter-flexible's PostgreSQL store (its own layout): `expire` is
    // epoch milliseconds; expired rows are swept by the library.
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    // An admin-issued, single-use token to set a new password; only its
    // sha256 is stored, and using it (or issuing a newer one) spends it.
    await queryRunner.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_resets`);
    await queryRunner.query(`DROP TABLE login_throttle`);
    await queryRunner.query(`DROP INDEX users_email_idx`);
    await queryRunner.query(`DROP INDEX users_brand_email_uq`);
    await queryRunner.query(`CREATE INDEX users_brand_idx ON users (brand_id, lower(email))`);
    // Fails while one address has accounts in two brands: merge them first.
    await queryRunner.query(`CREATE UNIQUE INDEX users_email_uq ON users (lower(email))`);
  }
}
