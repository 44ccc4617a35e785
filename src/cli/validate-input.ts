import { validate } from 'class-validator';
import { DomainError } from '../common/domain-error';
import { describeValidationErrors } from '../common/validation.pipe';
import { UsageError } from './cli-args';

/** Input field → the command-line flag that sets it, for error messages. */
export type FlagOfField = Record<string, string>;

/**
 * Checks values with the GraphQL input class's own rules, so the CLI and
 * the API refuse the same things. `partial` skips absent fields (an early
 * check, before the database is reached and a password is asked for).
 */
export async function validateInput<T extends object>(
  inputClass: new () => T,
  values: Partial<T>,
  flagOf: FlagOfField,
  { partial = false } = {},
): Promise<T> {
  const input = Object.assign(new inputClass(), values);
  const errors = await validate(input, {
    skipMissingProperties: partial,
    forbidUnknownValues: false,
  });
  if (errors.length > 0) {
    const problems = describeValidationErrors(errors);
    throw new UsageError(
      problems.map(({ path, rule }) => `${flagOf[path] ?? path}: ${rule}`).join('; '),
    );
  }
  return input;
}

/**
 * A service's refusal of one argument ("email: a user with this email
 * already exists") as a UsageError naming the flag instead of the field.
 * Other errors pass through unchanged.
 */
export function asUsageError(error: unknown, flagOf: FlagOfField): unknown {
  const argument = error instanceof DomainError ? error.details.argument : undefined;
  if (typeof argument !== 'string') return error;
  const flag = flagOf[argument] ?? argument;
  const message = (error as DomainError).message;
  return new UsageError(
    message.startsWith(`${argument}: `)
      ? `${flag}: ${message.slice(argument.length + 2)}`
      : `${flag}: ${message}`,
  );
}
