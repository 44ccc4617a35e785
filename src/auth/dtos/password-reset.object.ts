import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A one-time token that lets its holder set a new password for one account (resetPassword). Hand it to the user over a trusted channel; it is shown only once.',
})
export class PasswordReset {
  @Field({ description: 'The token (cca_pr_…); only its hash is stored.' })
  token: string;

  @Field({ description: 'When the token stops working, if unused.' })
  expiresAt: Date;

  /** Whose password it resets (for the CLI's message); not in the schema. */
  userId: string;
}
