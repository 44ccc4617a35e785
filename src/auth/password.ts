import * as argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), above
 * the OWASP minimum; the parameters travel in the PHC string, so raising them
 * later still verifies old hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** False for a wrong password and for a hash that is not argon2 at all. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody knows. Login verifies against it when the email
 * is unknown, so the answer takes as long as for a wrong password and its
 * timing does not tell which emails have accounts.
 */
export const UNKNOWN_USER_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$kqq+4M+PgbtrIEt7VIHd6w$FE66y87e/9NqUbQwY4D6XywhtUzxTIo8fVbTD5/S8lo';
