import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Medical review before publish (docs/compliance.md).
 *
 * - `MEDICAL_REVIEWER`: a role that approves drafts touching regulated
 *   fields (optionally limited to regions, through user_regions).
 * - `compliance_settings`: per brand, whether publishing needs approval,
 *   which fields are regulated, and how long an approval lasts before the
 *   value is due for re-review. A brand without a row has the defaults.
 * - `medical_reviews`: append-only (an UPDATE is refused by a trigger);
 *   each row approves or requests changes on an item's draft, bound to a
 *   hash of its exact content, so any later edit voids the approval.
 * - A schedule refused by these checks at run time fails with its own reason.
 */
export class MedicalReview1796360100000 implements MigrationInterface {
  name = 'MedicalReview1796360100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
        ('BRAND_ADMIN', 'BRAND_EDITOR', 'REGION_EDITOR', 'CLINIC_EDITOR', 'MEDICAL_REVIEWER'))`);

    await queryRunner.query(`
      CREATE TABLE compliance_settings (
        brand_id uuid PRIMARY KEY REFERENCES brands (id),
        medical_review_required boolean NOT NULL DEFAULT false,
        review_interval_months integer NOT NULL DEFAULT 12
          CHECK (review_interval_months BETWEEN 1 AND 60),
        regulated_fields text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE medical_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        item_version integer NOT NULL,
        content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
        decision text NOT NULL CHECK (decision IN ('APPROVED', 'CHANGES_REQUESTED')),
        fields text[] NOT NULL,
        comment text CHECK (length(comment) <= 5000),
        reviewer_id uuid NOT NULL REFERENCES users (id),
        reviewer_label text NOT NULL,
        level text NOT NULL,
        region_ids uuid[] NOT NULL DEFAULT '{}',
        clinic_ids uuid[] NOT NULL DEFAULT '{}',
        review_due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK ((decision = 'APPROVED') = (review_due_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX medical_reviews_item_idx ON medical_reviews (entity_type, entity_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX medical_reviews_due_idx ON medical_reviews (brand_id, review_due_at) WHERE decision = 'APPROVED'`,
    );
    await queryRunner.query(`
      CREATE FUNCTION refuse_append_only_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER medical_reviews_append_only BEFORE UPDATE ON medical_reviews
        FOR EACH ROW EXECUTE FUNCTION refuse_append_only_update()`);

    await queryRunner.query(
      `ALTER TABLE scheduled_publications DROP CONSTRAINT scheduled_publications_failure_reason_check`,
    );
    await queryRunner.query(`
      ALTER TABLE scheduled_publications ADD CONSTRAINT scheduled_publications_failure_reason_check
        CHECK (failure_reason IN ('CREATOR_REVOKED', 'CREATOR_NOT_ALLOWED', 'ITEM_CHANGED',
                                  'PUBLISH_FAILED', 'COMPLIANCE_BLOCKED'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE scheduled_publications DROP CONSTRAINT scheduled_publications_failure_reason_check`,
    );
    await queryRunner.query(`
      ALTER TABLE scheduled_publications ADD CONSTRAINT scheduled_publications_failure_reason_check
        CHECK (failure_reason IN ('CREATOR_REVOKED', 'CREATOR_NOT_ALLOWED', 'ITEM_CHANGED', 'PUBLISH_FAILED'))`);
    await queryRunner.query(`DROP TABLE medical_reviews`);
    await queryRunner.query(`DROP FUNCTION refuse_append_only_update()`);
    await queryRunner.query(`DROP TABLE compliance_settings`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
        ('BRAND_ADMIN', 'BRAND_EDITOR', 'REGION_EDITOR', 'CLINIC_EDITOR'))`);
  }
}
