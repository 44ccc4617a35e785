import { Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.object';

@ObjectType({
  description:
    'A session for a browser: the refresh token is not in the answer but in an httpOnly cookie that only POST /auth/refresh reads.',
})
export class BrowserSession {
  @Field({ description: 'Opaque, starts with cca_at_; keep it in memory only.' })
  accessToken: string;

  @Field({ description: 'When the access token stops working; refresh before then.' })
  accessTokenExpiresAt: Date;

  @Field({ description: 'When the refresh cookie stops working: sign in again after that.' })
  refreshTokenExpiresAt: Date;

  @Field(() => User, { description: 'The signed-in editor.' })
  user: User;
}
