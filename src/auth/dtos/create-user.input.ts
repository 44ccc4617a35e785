import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { EditorRole } from '../actor';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth-policy';
import { EditorRoleEnum } from './auth.enums';

@InputType({ description: 'A new editor account of your brand.' })
export class CreateUserInput {
  @Field({
    description:
      'Unique within your brand, whatever its case (the same person may have an account in another brand). At most 320 characters.',
  })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @Field({
    description: `At least ${MIN_PASSWORD_LENGTH} characters, not only spaces, not the email or its name part, and hard to guess (common and leaked passwords are refused). At most 1024 characters.`,
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @Field(() => EditorRoleEnum, { description: 'What the editor may edit.' })
  @IsIn(Object.values(EditorRoleEnum))
  role: EditorRole;

  @Field(() => String, {
    nullable: true,
    defaultValue: '',
    description: 'Name shown in the audit log and revisions. At most 200 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Regions a REGION_EDITOR edits (required for that role, refused for others).',
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
