import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { badInput } from '../common/domain-error';
import { MIN_PASSWORD_STRENGTH } from './auth-policy';

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a moment to load. */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return estimator;
}

/**
 * Why this password may not be set for the account with this email, or null
 * when it may. Length is checked by the input types; this adds what length
 * cannot see: blanks, the account's own address, and passwords that are
 * common, leaked or guessable (zxcvbn, which knows the common-password lists
 * and keyboard, date and repeat patterns).
 */
export function passwordProblem(password: string, email: string): string | null {
  if (password.trim() === '') return 'must not be only spaces';
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0];
  const lowered = password.toLowerCase();
  if (lowered === address) return 'must not be the account’s email address';
  if (localPart.length >= 3 && lowered.includes(localPart)) {
    return 'must not contain the name in the account’s email address';
  }
  const { score, feedback } = strengthEstimator().check(password, [address, localPart]);
  if (score >= MIN_PASSWORD_STRENGTH) return null;
  return ['is too easy to guess.', feedback.warning, ...feedback.suggestions]
    .filter(Boolean)
    .join(' ');
}

/** BAD_USER_INPUT naming `argument` when the password may not be used. */
export function assertAcceptablePassword(argument: string, password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw badInput(argument, problem);
}
