import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims linter's rules, one set per brand (src/compliance/claims):
 * a phrase (matched as whole words, any case) or a pattern (RE2 syntax,
 * linear time), its severity (BLOCK refuses publish, WARN only warns on
 * save), the reason editors read, and optionally the one region or US state
 * whose content it applies to. Rules are settings, not drafted content: a
 * change applies at once and is written to the audit log.
 */
export class ClaimRules1796360000000 implements MigrationInterface {
  name = 'ClaimRules1796360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        phrase text CHECK (length(phrase) BETWEEN 1 AND 200),
        pattern text CHECK (length(pattern) BETWEEN 1 AND 200),
        severity text NOT NULL CHECK (severity IN ('BLOCK', 'WARN')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        region_id uuid REFERENCES regions (id) ON DELETE CASCADE,
        state text CHECK (state ~ '^[A-Z]{2}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((phrase IS NULL) <> (pattern IS NULL)),
        CHECK (region_id IS NULL OR state IS NULL)
      )`);
    await queryRunner.query(`CREATE INDEX claim_rules_brand_idx ON claim_rules (brand_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_rules`);
  }
}
