import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Credentials are opaque random strings, not JWTs: a session or key is
 * checked against the database on every request, so logout and revocation
 * take effect at once. The prefix tells a leaked string's kind at a glance
 * (and lets secret scanners recognise it); only its sha256 is stored.
 */
export const ACCESS_TOKEN_PREFIX = 'cca_at_';
export const REFRESH_TOKEN_PREFIX = 'cca_rt_';
export const API_KEY_PREFIX = 'cca_live_';
export const PASSWORD_RESET_TOKEN_PREFIX = 'cca_pr_';

/** 32 random bytes as base64url: 43 characters. */
const SECRET = '[A-Za-z0-9_-]{43}';
const KEY_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_ID_LENGTH = 8;

const ACCESS_TOKEN = new RegExp(`^${ACCESS_TOKEN_PREFIX}${SECRET}$`);
const REFRESH_TOKEN = new RegExp(`^${REFRESH_TOKEN_PREFIX}${SECRET}$`);
const API_KEY = new RegExp(`^${API_KEY_PREFIX}[a-z0-9]{${KEY_ID_LENGTH}}_${SECRET}$`);

export type TokenKind = 'ACCESS_TOKEN' | 'REFRESH_TOKEN' | 'API_KEY';

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newAccessToken(): string {
  return ACCESS_TOKEN_PREFIX + newSecret();
}

export function newRefreshToken(): string {
  return REFRESH_TOKEN_PREFIX + newSecret();
}

export function newPasswordResetToken(): string {
  return PASSWORD_RESET_TOKEN_PREFIX + newSecret();
}

/**
 * A new API key and its visible prefix ("cca_live_k3x9q2mf"), which names
 * the key in lists and logs without revealing it.
 */
export function newApiKey(): { key: string; prefix: string } {
  let id = '';
  for (let i = 0; i < KEY_ID_LENGTH; i++) id += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  const prefix = API_KEY_PREFIX + id;
  return { key: `${prefix}_${newSecret()}`, prefix };
}

/** What a bearer string is, judged by its shape alone; null when it has none of ours. */
export function tokenKind(token: string): TokenKind | null {
  if (ACCESS_TOKEN.test(token)) return 'ACCESS_TOKEN';
  if (API_KEY.test(token)) return 'API_KEY';
  if (REFRESH_TOKEN.test(token)) return 'REFRESH_TOKEN';
  return null;
}

/**
 * The stored form of a token or key. A plain hash suffices (no salt, no
 * argon2): the input is 256 random bits, so there is nothing to brute-force,
 * and lookups by hash stay a single index probe.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
