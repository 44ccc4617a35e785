import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { type Place } from '../../access/place-access';

export enum OverrideLevel {
  REGION = 'REGION',
  CLINIC = 'CLINIC',
}
registerEnumType(OverrideLevel, {
  name: 'OverrideScope',
  description: 'Where an override applies: every clinic of a region, or one clinic.',
  valuesMap: {
    REGION: { description: 'Every clinic of a region.' },
    CLINIC: { description: 'One clinic.' },
  },
});

export enum OverridableTypeName {
  TREATMENT = 'TREATMENT',
  FAQ = 'FAQ',
}
registerEnumType(OverridableTypeName, {
  name: 'OverridableType',
  description:
    'Brand content whose fields regions and clinics may override (FAQ: brand FAQs only).',
  valuesMap: {
    TREATMENT: { description: 'Treatment fields.' },
    FAQ: { description: 'FAQ answers, hides and positions.' },
  },
});

export enum FieldPolicyName {
  LOCKED = 'LOCKED',
  INHERITABLE = 'INHERITABLE',
  CLINIC_REQUIRED = 'CLINIC_REQUIRED',
}
registerEnumType(FieldPolicyName, {
  name: 'FieldPolicy',
  description:
    'LOCKED: only the brand value is shown (overrides are refused); INHERITABLE (default): regions and clinics may override; CLINIC_REQUIRED: each clinic (or its region) must set its own value.',
  valuesMap: {
    INHERITABLE: { description: 'Regions and clinics may override (default).' },
    LOCKED: { description: 'The brand value is always delivered.' },
    CLINIC_REQUIRED: { description: 'Each clinic is expected to set its own value.' },
  },
});

const FIELD_PATTERN = /^[a-zA-Z][a-zA-Z0-9]*$/;

@ValidatorConstraint({ name: 'onlyWithScope' })
class OnlyWithScope implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments) {
    return (args.object as OverridePlaceFields).scope === args.constraints[0];
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} is only for scope ${args.constraints[0]}`;
  }
}

/**
 * Where local content applies: `scope` with the matching id (regionId for
 * REGION, clinicId for CLINIC, never both).
 */
@InputType({ isAbstract: true })
export abstract class OverridePlaceFields {
  @Field(() => OverrideLevel, { description: 'REGION or CLINIC.' })
  @IsEnum(OverrideLevel)
  scope: OverrideLevel;

  @Field(() => ID, { nullable: true, description: 'With scope REGION.' })
  @ValidateIf((input: OverridePlaceFields) => input.scope === 'REGION' || input.regionId != null)
  @IsDefined({ message: 'regionId is required when scope is REGION' })
  @Validate(OnlyWithScope, [OverrideLevel.REGION])
  @IsUUID()
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'With scope CLINIC.' })
  @ValidateIf((input: OverridePlaceFields) => input.scope === 'CLINIC' || input.clinicId != null)
  @IsDefined({ message: 'clinicId is required when scope is CLINIC' })
  @Validate(OnlyWithScope, [OverrideLevel.CLINIC])
  @IsUUID()
  clinicId?: string;
}

export function placeOf(input: OverridePlaceFields): Place {
  return input.scope === 'REGION'
    ? { level: 'REGION', id: input.regionId! }
    : { level: 'CLINIC', id: input.clinicId! };
}

@InputType({ isAbstract: true })
abstract class OverrideTargetFields extends OverridePlaceFields {
  @Field(() => OverridableTypeName, { description: 'The kind of item overridden.' })
  @IsEnum(OverridableTypeName)
  entityType: OverridableTypeName;

  @Field(() => ID, { description: 'The brand treatment or brand FAQ.' })
  @IsUUID()
  entityId: string;

  @Field({
    description:
      'An overridable field of the type, e.g. "summary" or "hidden". At most 100 characters.',
  })
  @MaxLength(100)
  @Matches(FIELD_PATTERN, { message: 'field must be a field name such as "summary"' })
  field: string;
}

@InputType({ description: 'Overrides one field of an item at a region or clinic (as a draft).' })
export class SetOverrideInput extends OverrideTargetFields {
  @Field(() => GraphQLJSON, {
    description:
      'The local value, shaped like the field (a string, a list of strings, sections [{ key heading body }], facts { sessions { min max } … }, an integer position, a boolean hidden), within the field’s length limits (docs/api.md, “Length limits”).',
  })
  @IsDefined()
  value: unknown;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of the override this place already has; omit when it has none.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@InputType({
  description: 'Removes overrides of a field (or all fields) of an item at a region or clinic.',
})
export class ClearOverrideInput extends OverrideTargetFields {
  @Field(() => Int, { description: 'The version of the override to clear.' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType({ description: 'An override you saw, with its version.' })
export class OverrideVersionInput {
  @Field(() => ID, { description: 'The override’s id.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version your change is based on.' })
  @IsInt()
  @Min(1)
  version: number;
}

@InputType({
  description:
    'Removes a region’s or clinic’s overrides of an item, so it shows the brand’s values again.',
})
export class ResetToBrandInput extends OverridePlaceFields {
  @Field(() => OverridableTypeName, { description: 'The kind of item.' })
  @IsEnum(OverridableTypeName)
  entityType: OverridableTypeName;

  @Field(() => ID, { description: 'The item’s id (itemId).' })
  @IsUUID()
  entityId: string;

  @Field(() => [OverrideVersionInput], {
    description:
      'Every override the place has of the item, with the version you saw (see the `overrides` query); one missing or stale is a CONFLICT and nothing is cleared.',
  })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OverrideVersionInput)
  overrides: OverrideVersionInput[];
}

@InputType({ description: 'Sets the brand’s policy for one overridable field.' })
export class SetFieldPolicyInput {
  @Field(() => OverridableTypeName, { description: 'The kind of item.' })
  @IsEnum(OverridableTypeName)
  entityType: OverridableTypeName;

  @Field({ description: 'An overridable field of the type. At most 100 characters.' })
  @MaxLength(100)
  @Matches(FIELD_PATTERN, { message: 'field must be a field name such as "summary"' })
  field: string;

  @Field(() => FieldPolicyName, { description: 'The policy.' })
  @IsEnum(FieldPolicyName)
  policy: FieldPolicyName;

  @Field(() => Int, {
    nullable: true,
    description: 'The version of the field’s policy; omit when the field has none yet.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

@ArgsType()
export class OverridesArgs {
  @Field(() => ID, { nullable: true, description: 'Only this region’s overrides.' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only this clinic’s own overrides.' })
  @IsOptional()
  @IsUUID()
  clinicId?: string;

  @Field(() => OverridableTypeName, {
    nullable: true,
    description: 'Only overrides of this kind of item.',
  })
  @IsOptional()
  @IsEnum(OverridableTypeName)
  entityType?: OverridableTypeName;

  @Field(() => ID, { nullable: true, description: 'Only overrides of this item.' })
  @IsOptional()
  @IsUUID()
  entityId?: string;
}

@ArgsType()
export class FieldPoliciesArgs {
  @Field(() => OverridableTypeName, {
    nullable: true,
    description: 'Only policies of this kind of item.',
  })
  @IsOptional()
  @IsEnum(OverridableTypeName)
  entityType?: OverridableTypeName;
}
