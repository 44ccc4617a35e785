/** Lifetimes and limits of credentials; one place to review them. */

/** Short, because a stolen access token works until it expires or its session is revoked. */
export const ACCESS_TOKEN_TTL_MINUTES = 15;
/** Each refresh starts a new 30 days: an editor who works weekly stays signed in. */
export const REFRESH_TOKEN_TTL_DAYS = 30;

/** Failed logins counted over this sliding window. */
export const LOGIN_WINDOW_MINUTES = 15;
/** Guessing one account's password. */
export const MAX_FAILED_LOGINS_PER_EMAIL = 5;
/** Spraying many accounts from one address (higher: offices share an address). */
export const MAX_FAILED_LOGINS_PER_IP = 20;

/** last_used_at is written at most this often per session or key, not on every request. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 pre-hashes any length, but a bound keeps request bodies sane. */
export const MAX_PASSWORD_LENGTH = 1024;
