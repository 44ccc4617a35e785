import { Field, InputType } from '@nestjs/graphql';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../auth-policy';

@InputType()
export class LoginInput {
  @Field({ description: 'At most 320 characters.' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  // No length rule here: a login only checks the password it is given.
  @Field({ description: 'At most 1024 characters.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
