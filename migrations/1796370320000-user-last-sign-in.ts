import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each account last signed in (a login that opened a session; a
 * refresh is not a sign-in), for the console's People screen. Null: never,
 * which is also what an invited account shows until its first sign-in.
 * Existing accounts take their newest session's start, so the screen is
 * right from the upgrade on.
 */
export class UserLastSignIn1796370320000 implements MigrationInterface {
  name = 'UserLastSignIn1796370320000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz`);
    await queryRunner.query(`
      UPDATE users u SET last_sign_in_at = s.latest
        FROM (SELECT user_id, max(created_at) AS latest FROM sessions GROUP BY user_id) s
       WHERE s.user_id = u.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN last_sign_in_at`);
  }
}
