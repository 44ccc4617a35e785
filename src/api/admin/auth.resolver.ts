import { originOf } from '../../auth/request-origin';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { AuthService } from '../../auth/auth.service';
import { AuthPayload } from '../../auth/dtos/auth-payload.object';
import { BrowserSession } from '../../auth/dtos/browser-session.object';
import { LoginInput } from '../../auth/dtos/login.input';
import { RefreshSessionInput } from './dtos/refresh-session.input';
import { ChangePasswordInput } from '../../auth/dtos/user-account.inputs';
import { User } from '../../auth/dtos/user.object';
import { Public } from '../../auth/public.decorator';
import { clearRefreshCookie, setRefreshCookie } from '../../auth/refresh-cookie';
import { UsersService } from '../../auth/users.service';
import { CurrentActor, Origin, HttpRequest } from '../../graphql/context.decorators';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';
import type { RequestOrigin } from '../../auth/request-origin';

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
    @Origin() origin: RequestOrigin,
  ): Promise<AuthPayload> {
    return this.authService.login(input, origin);
  }

  @Public()
  @Mutation(() => BrowserSession, {
    description:
      'Signs an editor in from a browser (the console): like login, but the refresh token is set as an httpOnly cookie for POST /auth/refresh instead of being in the answer.',
  })
  async startBrowserSession(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: LoginInput,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<BrowserSession> {
    const { refreshToken, ...session } = await this.authService.login(input, originOf(req));
    setRefreshCookie(req, req.res!, refreshToken, session.refreshTokenExpiresAt);
    return session;
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'A new token pair for a refresh token, which is then used up (rotation).',
  })
  refreshSession(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RefreshSessionInput,
    @Origin() origin: RequestOrigin,
  ): Promise<AuthPayload> {
    return this.authService.refresh(input.refreshToken, origin);
  }

  @Mutation(() => Boolean, {
    description:
      'Ends the session of the access token sent: its tokens stop working at once (a browser session also loses its refresh cookie).',
  })
  async logout(
    @CurrentActor() actor: Actor,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<boolean> {
    const ended = await this.authService.logout(actor, originOf(req));
    clearRefreshCookie(req, req.res!);
    return ended;
  }

  @Mutation(() => Boolean, {
    description:
      'Changes your own password, given the current one (limited like login). Your other sessions end; this one stays.',
  })
  changePassword(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ChangePasswordInput,
    @CurrentActor() actor: Actor,
    @Origin() origin: RequestOrigin,
  ): Promise<boolean> {
    return this.authService.changePassword(actor, input, origin);
  }

  @Query(() => User, {
    nullable: true,
    description: 'The signed-in editor; null for anonymous callers and API keys.',
  })
  me(@CurrentActor() actor: Actor): Promise<User | null> | null {
    return actor.kind === 'USER' ? this.usersService.findById(actor.userId) : null;
  }
}
