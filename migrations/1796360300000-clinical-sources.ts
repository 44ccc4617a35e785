import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provenance of clinical values: where a value came from (a document and
 * the line of its paragraph, with the words quoted), recorded when content
 * is seeded from a source. Later changes are attributed through revisions
 * (the editors) and medical_reviews (the approving reviewer).
 */
export class ClinicalSources1796360300000 implements MigrationInterface {
  name = 'ClinicalSources1796360300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clinical_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        field text NOT NULL CHECK (field ~ '^[a-zA-Z][a-zA-Z0-9]*(\\.[a-zA-Z0-9-]+)*$'),
        document text NOT NULL,
        line integer NOT NULL CHECK (line > 0),
        quote text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entity_type, entity_id, field)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clinical_sources`);
  }
}
