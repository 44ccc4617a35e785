import type { EntityManager } from 'typeorm';
import { hashToken, newPasswordResetToken } from './tokens';

/**
 * A new one-time token with which the holder sets the user's password
 * (resetPassword), valid `ttlHours`; any earlier unused one of the user is
 * spent. Only its hash is stored. Password resets and invitations share it:
 * an invited account has no usable password until its token is used.
 */
export async function issuePasswordReset(
  manager: EntityManager,
  userId: string,
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  await manager.query(
    `UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
    [userId],
  );
  const token = newPasswordResetToken();
  const [{ expires_at: expiresAt }] = (await manager.query(
    `INSERT INTO password_resets (user_id, token_hash, expires_at)
     VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
    [userId, hashToken(token), ttlHours],
  )) as { expires_at: Date }[];
  return { token, expiresAt };
}
