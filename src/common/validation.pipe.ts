import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

/** "filter.near.lat: must not be greater than 90" for each broken rule (API and CLI alike). */
export function describeValidationErrors(
  errors: ValidationError[],
  parent = '',
): { path: string; rule: string }[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      // class-validator starts each message with the property name.
      rule: message.startsWith(`${error.property} `)
        ? message.slice(error.property.length + 1)
        : message,
    }));
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/**
 * Validates every @Args / @InputType with its class-validator rules and
 * answers BAD_USER_INPUT naming the argument or field and the rule broken.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const problems = describeValidationErrors(errors);
      return new DomainError(
        'BAD_USER_INPUT',
        problems.map((problem) => `${problem.path}: ${problem.rule}`).join('; '),
        { argument: problems[0]?.path, problems },
      );
    },
  });
}
