import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import { AccountAdminService, adminContext } from '../../auth/account-admin.service';
import type { Actor } from '../../auth/actor';
import { PasswordReset } from '../../auth/dtos/password-reset.object';
import {
  CreatePasswordResetInput,
  DisableUserInput,
  EnableUserInput,
  ResetPasswordInput,
  RevokeSessionsInput,
  UpdateUserRoleInput,
} from '../../auth/dtos/user-account.inputs';
import { User } from '../../auth/dtos/user.object';
import { Public } from '../../auth/public.decorator';
import type { RequestOrigin } from '../../auth/request-origin';
import { CurrentActor, Origin } from '../../graphql/context.decorators';

/** A brand admin's account operations (offboarding), and the reset a user completes. */
@Resolver()
export class AccountAdminResolver {
  constructor(private readonly accounts: AccountAdminService) {}

  @Mutation(() => User, {
    description:
      'Disables an account of your brand: it cannot sign in, its sessions end at once, and its pending scheduled publications are cancelled. Brand admins only; not your own account.',
  })
  disableUser(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: DisableUserInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<User> {
    return this.accounts.disableUser(adminContext(actor, origin.ip), input.userId);
  }

  @Mutation(() => User, {
    description: 'Lets a disabled account of your brand sign in again. Brand admins only.',
  })
  enableUser(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: EnableUserInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<User> {
    return this.accounts.enableUser(adminContext(actor, origin.ip), input.userId);
  }

  @Mutation(() => Int, {
    description:
      'Ends every session of a user of your brand at once; answers how many were open. Brand admins only.',
  })
  revokeSessions(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RevokeSessionsInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<number> {
    return this.accounts.revokeSessions(adminContext(actor, origin.ip), input.userId);
  }

  @Mutation(() => User, {
    description:
      'Changes the role of a user of your brand and the regions or clinics it needs (replacing the old ones). Brand admins only; not your own role.',
  })
  updateUserRole(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateUserRoleInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<User> {
    return this.accounts.updateUserRole(adminContext(actor, origin.ip), input.userId, input);
  }

  @Mutation(() => PasswordReset, {
    description:
      'A one-time token with which the user sets a new password (resetPassword), so you never learn it. Any earlier unused token of the user stops working. Brand admins only.',
  })
  createPasswordReset(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreatePasswordResetInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<PasswordReset> {
    return this.accounts.createPasswordReset(adminContext(actor, origin.ip), input.userId);
  }

  @Mutation(() => Boolean, {
    description:
      'Sets a new password with a reset token from a brand admin; no sign-in needed. The token is spent and every session of the account ends.',
  })
  @Public()
  resetPassword(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ResetPasswordInput,
    @Origin() origin: RequestOrigin,
  ): Promise<boolean> {
    return this.accounts.resetPassword(input.token, input.newPassword, origin.ip);
  }
}
