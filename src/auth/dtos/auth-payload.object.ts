import { Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.object';

@ObjectType({ description: 'A new session: send the access token as Authorization: Bearer.' })
export class AuthPayload {
  @Field({ description: 'Opaque, starts with cca_at_; valid for about 15 minutes.' })
  accessToken: string;

  @Field({ description: 'When the access token expires.' })
  accessTokenExpiresAt: Date;

  @Field({
    description:
      'Opaque, starts with cca_rt_; exchange it once with refreshSession (it rotates). Store it securely.',
  })
  refreshToken: string;

  @Field({ description: 'When the refresh token expires.' })
  refreshTokenExpiresAt: Date;

  @Field(() => User, { description: 'The signed-in editor.' })
  user: User;
}
