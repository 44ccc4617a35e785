import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { CREDENTIAL_TYPES } from '../../../compliance/credential-types';
import { IsOptionalButNotNull } from '../../../editing/input-validators';

export const CredentialTypeEnum = Object.fromEntries(
  Object.keys(CREDENTIAL_TYPES).map((type) => [type, type]),
) as { [K in keyof typeof CREDENTIAL_TYPES]: K };
registerEnumType(CredentialTypeEnum, {
  name: 'CredentialType',
  description: 'A kind of professional licence.',
  valuesMap: Object.fromEntries(
    Object.entries(CREDENTIAL_TYPES).map(([type, name]) => [type, { description: `${name}.` }]),
  ),
});

export enum LicenceStatus {
  VALID = 'VALID',
  EXPIRING_SOON = 'EXPIRING_SOON',
  EXPIRED = 'EXPIRED',
}
registerEnumType(LicenceStatus, {
  name: 'LicenceStatus',
  description: 'Whether a licence is current.',
  valuesMap: {
    VALID: { description: 'Current, and not expiring within 60 days.' },
    EXPIRING_SOON: { description: 'Expires within 60 days: renew and verify it.' },
    EXPIRED: { description: 'Expired: delivery no longer counts it.' },
  },
});

const STATE = /^[A-Z]{2}$/;

@ObjectType({ description: 'A provider’s professional licence (for editors).' })
export class ProviderLicence {
  @Field(() => ID, { description: 'The licence’s id.' })
  id: string;

  @Field(() => ID, { description: 'The provider’s id (itemId).' })
  providerId: string;

  @Field({ description: 'The provider’s name.' })
  providerName: string;

  @Field(() => CredentialTypeEnum, { description: 'What the licence licenses.' })
  credentialType: string;

  @Field({ description: 'The number the issuing board gave it.' })
  licenceNumber: string;

  @Field({ description: 'The issuing US state, two letters (e.g. "TX").' })
  issuingState: string;

  @Field({ description: 'When it expires: delivery stops counting it at that moment.' })
  expiresAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Who verified it with the issuing board; null until verified.',
  })
  verifiedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was verified; null until verified.' })
  verifiedAt: Date | null;

  @Field(() => LicenceStatus, { description: 'Current, expiring within 60 days, or expired.' })
  status: LicenceStatus;

  @Field(() => Int, { description: 'Whole days until it expires (negative once expired).' })
  expiresInDays: number;

  @Field(() => String, {
    nullable: true,
    description: 'What editors should read, e.g. "expires in 12 days"; null when current.',
  })
  warning: string | null;
}

@ObjectType({
  description: 'Which credential types may perform a treatment in a state (the brand’s rule).',
})
export class CredentialRule {
  @Field(() => ID, { description: 'The rule’s id.' })
  id: string;

  @Field(() => ID, { description: 'The treatment’s id (itemId).' })
  treatmentId: string;

  @Field({ description: 'The US state, two letters.' })
  state: string;

  @Field(() => [CredentialTypeEnum], {
    description: 'The licences that qualify (an empty list: nobody may perform it there).',
  })
  credentialTypes: string[];
}

@InputType({ description: 'A licence to record for a provider.' })
export class AddProviderLicenceInput {
  @Field(() => ID, { description: 'The provider’s id (itemId).' })
  @IsUUID()
  providerId: string;

  @Field(() => CredentialTypeEnum, { description: 'What the licence licenses.' })
  @IsEnum(CredentialTypeEnum)
  credentialType: keyof typeof CREDENTIAL_TYPES;

  @Field({ description: 'The board’s licence number. 1 to 50 characters.' })
  @IsString()
  @Matches(/^\S(.{0,48}\S)?$/, {
    message: '$property must hold 1 to 50 characters, without surrounding spaces',
  })
  licenceNumber: string;

  @Field({ description: 'The issuing US state: two upper-case letters, e.g. "TX".' })
  @Matches(STATE, { message: '$property must be two upper-case letters' })
  issuingState: string;

  @Field({ description: 'When it expires (ISO 8601).' })
  @Type(() => Date)
  @IsDate()
  expiresAt: Date;
}

@InputType({
  description:
    'Changes to what a licence says; fields left out keep their value. It must be verified again.',
})
export class UpdateProviderLicenceInput {
  @Field(() => ID, { description: 'The licence’s id.' })
  @IsUUID()
  id: string;

  @Field(() => CredentialTypeEnum, { nullable: true, description: 'What the licence licenses.' })
  @IsOptionalButNotNull()
  @IsEnum(CredentialTypeEnum)
  credentialType?: keyof typeof CREDENTIAL_TYPES;

  @Field({ nullable: true, description: 'The board’s licence number. 1 to 50 characters.' })
  @IsOptionalButNotNull()
  @IsString()
  @Matches(/^\S(.{0,48}\S)?$/, {
    message: '$property must hold 1 to 50 characters, without surrounding spaces',
  })
  licenceNumber?: string;

  @Field({ nullable: true, description: 'The issuing US state: two upper-case letters.' })
  @IsOptionalButNotNull()
  @Matches(STATE, { message: '$property must be two upper-case letters' })
  issuingState?: string;

  @Field({ nullable: true, description: 'When it expires (ISO 8601), e.g. after a renewal.' })
  @IsOptionalButNotNull()
  @Type(() => Date)
  @IsDate()
  expiresAt?: Date;
}

@InputType({ description: 'A licence, by id.' })
export class LicenceIdInput {
  @Field(() => ID, { description: 'The licence’s id.' })
  @IsUUID()
  id: string;
}

@InputType({ description: 'Which credential types may perform a treatment in a state.' })
export class SetCredentialRuleInput {
  @Field(() => ID, { description: 'The treatment’s id (itemId).' })
  @IsUUID()
  treatmentId: string;

  @Field({ description: 'The US state: two upper-case letters, e.g. "TX".' })
  @Matches(STATE, { message: '$property must be two upper-case letters' })
  state: string;

  @Field(() => [CredentialTypeEnum], {
    description: 'The whole list of qualifying licence types (empty: nobody may perform it there).',
  })
  @IsEnum(CredentialTypeEnum, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  credentialTypes: (keyof typeof CREDENTIAL_TYPES)[];
}

@InputType({ description: 'A credential rule to delete: the treatment and state.' })
export class DeleteCredentialRuleInput {
  @Field(() => ID, { description: 'The treatment’s id (itemId).' })
  @IsUUID()
  treatmentId: string;

  @Field({ description: 'The US state: two upper-case letters.' })
  @Matches(STATE, { message: '$property must be two upper-case letters' })
  state: string;
}

@ArgsType()
export class ExpiringLicencesArgs {
  @Field(() => Int, {
    defaultValue: 60,
    description:
      'How many days ahead to look: 0 to 730 (expired licences of the last year are included).',
  })
  @IsInt()
  @Min(0)
  @Max(730)
  withinDays: number;
}
