import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Safe HTML of Markdown texts, rendered when they are written, for delivery
 * to read instead of rendering per request (src/markdown/stored-renderings.ts):
 * by the renderer that made it and the SHA-256 (hex) of the text.
 */
export class MarkdownRenderings1796370400000 implements MigrationInterface {
  name = 'MarkdownRenderings1796370400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE markdown_renderings (
         renderer text NOT NULL,
         source_sha256 text NOT NULL,
         html text NOT NULL,
         PRIMARY KEY (renderer, source_sha256)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE markdown_renderings`);
  }
}
