import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth-policy';
import { NEW_PASSWORD_DESCRIPTION, RoleAssignmentInput } from './role-assignment.input';

@InputType({
  description: 'A new editor account of your brand, whose password the invitee sets.',
})
export class InviteUserInput extends RoleAssignmentInput {
  @Field({
    description:
      'Unique within your brand, whatever its case (the same person may have an account in another brand). At most 320 characters.',
  })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field(() => String, {
    nullable: true,
    defaultValue: '',
    description: 'Name shown in the audit log and revisions. At most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;
}

@InputType({ description: 'A new editor account of your brand.' })
export class CreateUserInput extends InviteUserInput {
  @Field({
    description: NEW_PASSWORD_DESCRIPTION,
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
