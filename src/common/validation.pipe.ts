import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
// Not re-exported by the package's index.
import { GqlParamtype } from '@nestjs/graphql/dist/enums/gql-paramtype.enum.js';
import { DomainError } from './domain-error';
import { memoizeValidationRules } from './validation-rules-memo';

// Before any input is validated, by the pipe or by the CLI's and the
// overrides' own validateSync.
memoizeValidationRules();

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
 * Nest's ValidationPipe, except for a field resolver's `@Parent()`: the
 * parent is the object the API itself built, never input, and validating it
 * meant class-transformer copying it into its class (and class-validator
 * looking for rules it has none of) on every field of every object: about
 * 3 % of an uncached page's CPU (docs/benchmarks.md).
 */
class InputValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return (metadata.type as unknown) !== GqlParamtype.ROOT && super.toValidate(metadata);
  }
}

/**
 * Validates every @Args / @InputType with its class-validator rules and
 * answers BAD_USER_INPUT naming the argument or field and the rule broken.
 */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
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
