import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field policies become editable content like every other: an `id` lets the
 * one write path lock, version, draft, publish and record revisions of a
 * policy row. The primary key (brand_id, entity_type, field) stays, so a
 * brand still has at most one policy per field.
 */
export class FieldPolicyIds1764057900000 implements MigrationInterface {
  name = 'FieldPolicyIds1764057900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE field_policies ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(
      `ALTER TABLE field_policies ADD CONSTRAINT field_policies_id_key UNIQUE (id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE field_policies DROP COLUMN id`);
  }
}
