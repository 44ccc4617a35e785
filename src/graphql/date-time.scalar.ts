import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

/** RFC 3339's date-time always names its offset: Z or ±hh:mm. */
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;

const EXAMPLE = 'e.g. 2031-01-01T10:00:00Z or 2031-01-01T10:00:00+02:00';

/**
 * `DateTime`, as Nest's built-in one reads and writes it (answers in UTC,
 * ISO 8601), except that an input must say its time zone: "10:00" without
 * one is a different instant on every server, so it is refused as
 * BAD_USER_INPUT instead of being read in the server's zone. Same name and
 * description, so the schema does not change.
 */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description =
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.';

  parseValue(value: unknown): Date {
    if (typeof value !== 'string') {
      throw new GraphQLError(`DateTime must be a string with a time zone, ${EXAMPLE}`);
    }
    if (!HAS_OFFSET.test(value.trim())) {
      throw new GraphQLError(
        `DateTime needs a time zone: end it with Z or an offset such as +02:00 (${EXAMPLE})`,
      );
    }
    try {
      return GraphQLDateTime.parseValue(value.trim());
    } catch {
      throw new GraphQLError(`DateTime is not a valid RFC 3339 date-time (${EXAMPLE})`);
    }
  }

  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError(`DateTime must be a string with a time zone, ${EXAMPLE}`);
    }
    return this.parseValue(ast.value);
  }

  serialize(value: unknown): string | null {
    return value instanceof Date ? value.toISOString() : null;
  }
}
