import { Field, InputType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'A refresh token to exchange for new tokens.' })
export class RefreshSessionInput {
  @Field({
    description:
      'The refresh token of the last login or refresh (cca_rt_…). At most 200 characters.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}
