import { IsDefined, Matches, MaxLength, registerDecorator, ValidateIf } from 'class-validator';
import { isKnownCurrency } from '../pricing/money';

/**
 * class-validator rules the editing inputs of several features share.
 * The predicates are exported so the rules are unit tested without Nest.
 */

/** Lower-case words joined by single hyphens: slugs and section keys, everywhere. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An IANA name as the tz database spells it (America/Chicago, UTC, Etc/GMT+5);
// rules out UTC offsets ("+01:00") and lower-case spellings Intl would accept.
const IANA_ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export function isCurrencyCode(value: unknown): boolean {
  return typeof value === 'string' && isKnownCurrency(value);
}

export function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || !IANA_ZONE_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 tag with a two- or three-letter language, as locales for formatting have. */
export function isLocaleTag(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 35 || !/^[a-zA-Z]{2,3}(-|$)/.test(value)) {
    return false;
  }
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" naming a real day (no 2026-02-30). */
export function isCalendarDate(value: unknown): boolean {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function rule(name: string, test: (value: unknown) => boolean, message: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property ${message}` },
      validator: { validate: test },
    });
}

export const IsCurrencyCode = () =>
  rule('isCurrencyCode', isCurrencyCode, 'must be an ISO 4217 currency code such as "USD"');

export const IsTimeZone = () =>
  rule('isTimeZone', isTimeZone, 'must be an IANA time zone such as "America/Chicago"');

export const IsLocaleTag = () =>
  rule('isLocaleTag', isLocaleTag, 'must be a BCP 47 locale such as "en-US"');

export const IsCalendarDate = () =>
  rule('isCalendarDate', isCalendarDate, 'must be a date "YYYY-MM-DD"');

export function IsSlug(): PropertyDecorator {
  return (target, property) => {
    Matches(SLUG_PATTERN, { message: '$property must be lower-case words joined by hyphens' })(
      target,
      property,
    );
    MaxLength(100)(target, property);
  };
}

/**
 * For an update field whose column is required: leaving it out keeps the
 * value, but null is refused (where @IsOptional would let it through to a
 * NOT NULL column). Nullable columns use @IsOptional, and null clears them.
 */
export function IsOptionalButNotNull(): PropertyDecorator {
  return (target, property) => {
    ValidateIf((_object, value) => value !== undefined)(target, property);
    IsDefined({ message: '$property cannot be null: it is required' })(target, property);
  };
}
