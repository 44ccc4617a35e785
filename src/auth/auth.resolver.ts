import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '../graphql/graphql-context';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentActor } from './current-actor.decorator';
import { AuthPayload } from './dtos/auth-payload.object';
import { LoginInput } from './dtos/login.input';
import { RefreshSessionInput } from './dtos/refresh-session.input';
import { ChangePasswordInput } from './dtos/user-account.inputs';
import { User } from './dtos/user.object';
import { Public } from './public.decorator';
import { originOf } from './request-origin';
import { UsersService } from './users.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly authService: AuthService,
    private readonly usersService: UsersService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Signs an editor in. Wrong email or password: UNAUTHENTICATED (rate-limited per email and address).',
  })
  login(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: LoginInput,
    @Context() { req }: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.authService.login(input, originOf(req));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'A new token pair for a refresh token, which is then used up (rotation).',
  })
  refreshSession(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RefreshSessionInput,
    @Context() { req }: GraphqlContext,
  ): Promise<AuthPayload> {
    return this.authService.refresh(input.refreshToken, originOf(req));
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session of the access token sent: its tokens stop working at once.',
  })
  logout(@CurrentActor() actor: Actor, @Context() { req }: GraphqlContext): Promise<boolean> {
    return this.authService.logout(actor, originOf(req));
  }

  @Mutation(() => Boolean, {
    description:
      'Changes your own password, given the current one (limited like login). Your other sessions end; this one stays.',
  })
  changePassword(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ChangePasswordInput,
    @CurrentActor() actor: Actor,
    @Context() { req }: GraphqlContext,
  ): Promise<boolean> {
    return this.authService.changePassword(actor, input, originOf(req));
  }

  @Query(() => User, {
    nullable: true,
    description: 'The signed-in editor; null for anonymous callers and API keys.',
  })
  me(@CurrentActor() actor: Actor): Promise<User | null> | null {
    return actor.kind === 'USER' ? this.usersService.findById(actor.userId) : null;
  }
}
