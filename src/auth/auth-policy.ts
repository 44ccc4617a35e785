/** Lifetimes and limits of credentials; one place to review them. */

/** Short, because a stolen access token works until it expires or its session is revoked. */
export const ACCESS_TOKEN_TTL_MINUTES = 15;
// Refresh tokens: SESSION_IDLE_DAYS after the last refresh, never past
// SESSION_MAX_AGE_DAYS after the login (settings, see app-config.ts).

/**
 * A login that names no brand tries at most this many of the email's
 * accounts (oldest first; each costs a password check).
 */
export const MAX_ACCOUNTS_PER_EMAIL = 5;

/** Failed logins are counted over windows of this length. */
export const LOGIN_WINDOW_MINUTES = 15;
/**
 * Guesses at one account from one address per window before a wait (which
 * grows with each lockout, see login-throttle.ts). Other addresses are not
 * held up, so a guesser cannot lock the owner out.
 */
export const FREE_GUESSES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Spraying many accounts from one address (higher: offices share an address). */
export const MAX_FAILED_LOGINS_PER_ADDRESS = 20;

/** last_used_at is written at most this often per session or key, not on every request. */
export const LAST_USED_RESOLUTION_SECONDS = 60;

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 pre-hashes any length, but a bound keeps request bodies sane. */
export const MAX_PASSWORD_LENGTH = 1024;
/** zxcvbn score (0–4) a new password needs: 3 = "safely unguessable" against online attacks. */
export const MIN_PASSWORD_STRENGTH = 3;

/** An unused password reset token stops working after this long. */
export const PASSWORD_RESET_TTL_HOURS = 24;

/**
 * An invitation's set-password token lasts longer than a reset: the invitee
 * may not read the admin's message the same day.
 */
export const INVITATION_TTL_HOURS = 72;
