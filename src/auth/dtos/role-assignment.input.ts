import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { EditorRole } from '../actor';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth-policy';
import { EditorRoleEnum } from './auth.enums';

/** The rules of a new password, as every input that sets one describes them. */
export const NEW_PASSWORD_DESCRIPTION = `At least ${MIN_PASSWORD_LENGTH} characters, not only spaces, not the email or its name part, and hard to guess (common and leaked passwords are refused). At most ${MAX_PASSWORD_LENGTH} characters.`;

/** A role and the places it scopes: what createUser and updateUserRole set alike. */
@InputType({ isAbstract: true })
export class RoleAssignmentInput {
  @Field(() => EditorRoleEnum, { description: 'The role: what the editor may edit.' })
  @IsIn(Object.values(EditorRoleEnum))
  role: EditorRole;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Regions a REGION_EDITOR edits (required for that role) or a MEDICAL_REVIEWER reviews (optional: none reviews the whole brand); refused for others.',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  regionIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Clinics a CLINIC_EDITOR edits (required for that role, refused for others).',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(500)
  clinicIds?: string[] | null;
}
