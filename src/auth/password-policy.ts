import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { badInput } from '../common/domain-error';
import { MIN_PASSWORD_STRENGTH } from './auth-policy';

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * Loaded on first use: the dictionaries take a second or so to load, which
 * every CLI command and app start would otherwise pay.
 */
function strengthEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
  })();
  return estimator;
}

/**
 * Why this password may not be set for the account with this email, or null
 * when it may. Length is checked by the input types; this adds what length
 * cannot see: blanks, the account's own address, and passwords that are
 * common, leaked or guessable (zxcvbn, which knows the common-password lists
 * and keyboard, date and repeat patterns).
 */
export async function passwordProblem(password: string, email: string): Promise<string | null> {
  if (password.trim() === '') return 'must not be only spaces';
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0];
  const lowered = password.toLowerCase();
  if (lowered === address) return 'must not be the account’s email address';
  if (localPart.length >= 3 && lowered.includes(localPart)) {
    return 'must not contain the name in the account’s email address';
  }
  const { score, feedback } = (await strengthEstimator()).check(password, [address, localPart]);
  if (score >= MIN_PASSWORD_STRENGTH) return null;
  return ['is too easy to guess.', feedback.warning, ...feedback.suggestions]
    .filter(Boolean)
    .join(' ');
}

/** BAD_USER_INPUT naming `argument` when the password may not be used. */
export async function assertAcceptablePassword(
  argument: string,
  password: string,
  email: string,
): Promise<void> {
  const problem = await passwordProblem(password, email);
  if (problem) throw badInput(argument, problem);
}
