import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../auth-policy';

@InputType({ description: 'E-mail and password of an editor account.' })
export class LoginInput {
  @Field({ description: 'Sign-in e-mail.' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  // No length rule here: a login only checks the password it is given.
  @Field({ description: 'The password.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
