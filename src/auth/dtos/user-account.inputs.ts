import { Field, ID, InputType, IntersectionType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth-policy';
import { NEW_PASSWORD_DESCRIPTION, RoleAssignmentInput } from './role-assignment.input';

/** Inputs of the brand admin's account operations, which all name one user. */
@InputType({ isAbstract: true })
class UserRefInput {
  @Field(() => ID, { description: 'A user of your brand.' })
  @IsUUID('all')
  userId: string;
}

@InputType({ description: 'Whose account to disable.' })
export class DisableUserInput extends UserRefInput {}

@InputType({ description: 'Whose account to enable again.' })
export class EnableUserInput extends UserRefInput {}

@InputType({ description: 'Whose sessions to end.' })
export class RevokeSessionsInput extends UserRefInput {}

@InputType({ description: 'Who gets a one-time password reset token.' })
export class CreatePasswordResetInput extends UserRefInput {}

@InputType({ description: 'A new role, with the places it needs.' })
export class UpdateUserRoleInput extends IntersectionType(UserRefInput, RoleAssignmentInput) {}

@InputType({ description: 'Your current password and the one to use from now on.' })
export class ChangePasswordInput {
  @Field({ description: 'Your password today. At most 1024 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @Field({ description: NEW_PASSWORD_DESCRIPTION })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}

@InputType({ description: 'A reset token from your brand admin and your new password.' })
export class ResetPasswordInput {
  @Field({
    description: 'The one-time token (cca_pr_…) your brand admin gave you. At most 200 characters.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @Field({ description: NEW_PASSWORD_DESCRIPTION })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}
