import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider licences and the brand's credential rules (docs/compliance.md).
 *
 * - `provider_licences`: a provider's licence (type, number, issuing state,
 *   expiry, who verified it and when). Delivery compares `expires_at` with
 *   the time of each read, so an expired licence hides its provider with no
 *   job to run; an edit of what a licence says clears its verification.
 * - `credential_rules`: per treatment and US state, the credential types
 *   that may perform it there; linking a provider to perform a treatment
 *   at a clinic is checked against the clinic's state.
 */
export class ProviderLicences1796360200000 implements MigrationInterface {
  name = 'ProviderLicences1796360200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE provider_licences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        provider_id uuid NOT NULL REFERENCES providers (id) ON DELETE CASCADE,
        credential_type text NOT NULL,
        licence_number text NOT NULL CHECK (length(licence_number) BETWEEN 1 AND 50),
        issuing_state text NOT NULL CHECK (issuing_state ~ '^[A-Z]{2}$'),
        expires_at timestamptz NOT NULL,
        verified_by text,
        verified_by_id text,
        verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((verified_at IS NULL) = (verified_by IS NULL)),
        UNIQUE (provider_id, credential_type, issuing_state, licence_number)
      )`);
    await queryRunner.query(
      `CREATE INDEX provider_licences_provider_idx ON provider_licences (provider_id, expires_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX provider_licences_expiry_idx ON provider_licences (brand_id, expires_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE credential_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        treatment_id uuid NOT NULL REFERENCES treatments (id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state ~ '^[A-Z]{2}$'),
        credential_types text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (treatment_id, state)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE credential_rules`);
    await queryRunner.query(`DROP TABLE provider_licences`);
  }
}
