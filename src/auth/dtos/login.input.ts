import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../auth-policy';

@InputType({ description: 'E-mail and password of an editor account.' })
export class LoginInput {
  @Field({ description: 'The account’s email, whatever its case. At most 320 characters.' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  // No length rule here: a login only checks the password it is given.
  @Field({ description: 'The account’s password. At most 1024 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Slug of the brand to sign in to. Needed only when this email has accounts with the same password in several brands. At most 100 characters.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  brand?: string | null;
}
