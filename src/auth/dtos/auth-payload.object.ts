import { Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.object';

@ObjectType({ description: 'A new session: send the access token as Authorization: Bearer.' })
export class AuthPayload {
  @Field({ description: 'Opaque, starts with cca_at_; valid for about 15 minutes.' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({
    description:
      'Opaque, starts with cca_rt_; exchange it once with refreshSession (it rotates). Store it securely.',
  })
  refreshToken: string;

  @Field()
  refreshTokenExpiresAt: Date;

  @Field(() => User)
  user: User;
}
