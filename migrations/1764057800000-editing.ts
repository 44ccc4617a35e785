import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * History and scheduled publishing.
 *
 * `revisions` is append-only: one row per write to an editable item (create,
 * update, publish, unpublish, delete, restore) with the item's working copy
 * before and after, so any revision can be listed, diffed and restored.
 * `scheduled_publications` holds changesets to publish at a time; workers on
 * several instances claim due rows with FOR UPDATE SKIP LOCKED.
 */
export class Editing1764057800000 implements MigrationInterface {
  name = 'Editing1764057800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE revisions (
        id bigserial PRIMARY KEY,
        brand_id uuid NOT NULL REFERENCES brands (id),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        version integer NOT NULL,
        action text NOT NULL
          CHECK (action IN ('CREATE', 'UPDATE', 'PUBLISH', 'UNPUBLISH', 'DELETE', 'RESTORE')),
        actor_kind text NOT NULL,
        actor_id text,
        actor_label text NOT NULL,
        source text NOT NULL CHECK (source IN ('API', 'CLI', 'SEED', 'SCHEDULER')),
        before jsonb,
        after jsonb,
        changed_fields text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(
      `CREATE INDEX revisions_entity_idx ON revisions (entity_type, entity_id, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX revisions_brand_idx ON revisions (brand_id, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE scheduled_publications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        brand_id uuid NOT NULL REFERENCES brands (id),
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        publish_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'CANCELLED')),
        actor jsonb NOT NULL,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX scheduled_publications_due_idx ON scheduled_publications (publish_at) WHERE status = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE scheduled_publications`);
    await queryRunner.query(`DROP TABLE revisions`);
  }
}
