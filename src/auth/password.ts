import * as argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes), above
 * the OWASP minimum; the parameters travel in the PHC string, so raising them
 * later still verifies old hashes.
 *
 * Under NODE_ENV=test only (Jest sets it; the test app and the test seed run
 * in that process), the cheapest parameters argon2 accepts, so that specs
 * which log in many times do not spend most of their time hashing.
 */
const TEST_PARAMETERS = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const underTest = (): boolean => process.env.NODE_ENV === 'test';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...(underTest() ? TEST_PARAMETERS : {}) });
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
 * A hash of a password nobody knows, with the parameters new hashes get.
 * Login verifies against it when the email is unknown, so the answer takes
 * as long as for a wrong password and its timing does not tell which emails
 * have accounts.
 */
export function unknownUserHash(): string {
  return underTest()
    ? '$argon2id$v=19$m=1024,p=1,t=1$I/Fz2Yz6O5WT63MjkonyrQ$FgxdDkSvNqfj2SwoKpmYAKq1WfpCj7eXOiwRxzkxYLs'
    : '$argon2id$v=19$m=65536,p=4,t=3$kqq+4M+PgbtrIEt7VIHd6w$FE66y87e/9NqUbQwY4D6XywhtUzxTIo8fVbTD5/S8lo';
}
