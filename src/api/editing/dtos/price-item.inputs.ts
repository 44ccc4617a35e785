import { GraphQLCurrency, GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';
import {
  IsCalendarDate,
  IsCurrencyCode,
  IsOptionalButNotNull,
} from '../../../editing/input-validators';
import { PriceKind } from '../../../pricing/dtos/price-item.object';

const MAX_AMOUNT_MINOR = 2_147_483_647; // the column is a 32-bit integer
const MAX_SESSIONS = 1_000;
const MAX_POSITION = 1_000_000;

@ValidatorConstraint({ name: 'notBeforeValidFrom' })
class NotBeforeValidFrom implements ValidatorConstraintInterface {
  validate(validUntil: unknown, args: ValidationArguments) {
    const { validFrom } = args.object as CreatePriceItemInput;
    return !validFrom || typeof validUntil !== 'string' || validUntil >= validFrom;
  }
  defaultMessage() {
    return '$property must not be before validFrom';
  }
}

/** One message per problem: a PACKAGE's missing count, or a count out of range. */
@ValidatorConstraint({ name: 'sessionCount' })
class SessionCount implements ValidatorConstraintInterface {
  validate(sessions: unknown, args: ValidationArguments) {
    if (sessions == null) return (args.object as CreatePriceItemInput).kind !== PriceKind.PACKAGE;
    return (
      Number.isInteger(sessions) &&
      (sessions as number) >= 1 &&
      (sessions as number) <= MAX_SESSIONS
    );
  }
  defaultMessage(args: ValidationArguments) {
    return args.value == null
      ? '$property is required for a PACKAGE'
      : `$property must be a whole number from 1 to ${MAX_SESSIONS}`;
  }
}

/** Price fields; every one optional on update. */
@InputType({ isAbstract: true })
class PriceItemFieldsInput {
  @Field({ nullable: true, description: 'E.g. "Package of 3 sessions". At most 200 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label?: string;

  @Field(() => PriceKind, { nullable: true, description: 'What the price buys.' })
  @IsOptionalButNotNull()
  @IsEnum(PriceKind)
  kind?: PriceKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Integer minor units (cents), 0 or more: 34900 = $349.00.',
  })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor?: number;

  @Field(() => GraphQLCurrency, {
    nullable: true,
    description: 'ISO 4217 currency code, e.g. USD.',
  })
  @IsOptionalButNotNull()
  @IsCurrencyCode()
  currency?: string;

  @Field({ nullable: true, description: 'Shown as "from …" (the price can be higher).' })
  @IsOptionalButNotNull()
  @IsBoolean()
  isFromPrice?: boolean;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day the price applies, "YYYY-MM-DD"; null = open.',
  })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day the price applies (inclusive), "YYYY-MM-DD"; null = open.',
  })
  @IsOptional()
  @IsCalendarDate()
  @Validate(NotBeforeValidFrom)
  validUntil?: string | null;

  @Field(() => Int, { nullable: true, description: 'Order among the offering’s prices.' })
  @IsOptionalButNotNull()
  @IsInt()
  @Min(-MAX_POSITION)
  @Max(MAX_POSITION)
  position?: number;
}

@InputType({ description: 'A new price of an offering (as a draft).' })
export class CreatePriceItemInput extends PriceItemFieldsInput {
  @Field(() => ID, { description: 'The offering (offerTreatment) the price belongs to.' })
  @IsUUID()
  clinicTreatmentId: string;

  @Field({ description: 'What the price is for. At most 200 characters.' })
  declare label: string;

  @Field(() => PriceKind, { description: 'What the price buys.' })
  declare kind: PriceKind;

  @Field(() => Int, { description: 'Minor units, e.g. cents: 34900 = $349.00.' })
  declare amountMinor: number;

  @Field(() => GraphQLCurrency, { description: 'ISO 4217; the clinic’s currency.' })
  declare currency: string;

  @Field(() => Int, { nullable: true, description: 'Sessions in a PACKAGE (required there).' })
  @Validate(SessionCount)
  sessions?: number | null;
}

@InputType({
  description:
    'Changes a price’s draft. Rules across fields (sessions for a PACKAGE, validUntil not before validFrom, no overlap) are checked on the price as it will be.',
})
export class UpdatePriceItemInput extends PriceItemFieldsInput {
  @Field(() => ID, { description: 'The price’s id (itemId).' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Sessions in a PACKAGE (required there); null clears it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SESSIONS)
  sessions?: number | null;
}
