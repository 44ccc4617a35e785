import { Field, ObjectType } from '@nestjs/graphql';
import { User } from './user.object';

@ObjectType({
  description:
    'A new account and the one-time token with which the invitee sets their password (resetPassword). Hand it over a trusted channel; it is shown only in this answer.',
})
export class UserInvitation {
  @Field(() => User, { description: 'The new account; it cannot sign in until a password is set.' })
  user: User;

  @Field({
    description:
      'The one-time token (cca_pr_…); only its hash is stored. The console turns it into a set-password link.',
  })
  setPasswordToken: string;

  @Field({
    description:
      'When the token stops working, if unused (a brand admin can issue a new one with createPasswordReset).',
  })
  expiresAt: Date;
}
