import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { AuthService } from './auth.service';
import type { BrowserSession } from './dtos/browser-session.object';
import {
  clearRefreshCookie,
  CSRF_HEADER,
  readRefreshCookie,
  REFRESH_ROUTE,
  setRefreshCookie,
} from './refresh-cookie';
import { originOf } from './request-origin';

/**
 * POST /auth/refresh: the one route that reads the refresh cookie set by the
 * startBrowserSession mutation. It rotates the session like refreshSession
 * and answers the BrowserSession fields as JSON (204 without a cookie). Kept outside /graphql so the
 * cookie (Path=/auth/refresh) is never sent with, and never authenticates,
 * any other request.
 */
@Controller()
export class BrowserSessionController {
  constructor(private readonly authService: AuthService) {}

  @Post(REFRESH_ROUTE)
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!req.get(CSRF_HEADER)) {
      res.status(403).json(failure('FORBIDDEN', `Send the ${CSRF_HEADER} header with a refresh`));
      return;
    }
    const refreshToken = readRefreshCookie(req);
    if (!refreshToken) {
      // No session to resume (a first visit, or after sign-out): not an error.
      res.status(204).end();
      return;
    }
    try {
      const { refreshToken: rotated, ...session } = await this.authService.refresh(
        refreshToken,
        originOf(req),
      );
      setRefreshCookie(req, res, rotated, session.refreshTokenExpiresAt);
      res.json(session satisfies BrowserSession);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'UNAUTHENTICATED')) throw error;
      clearRefreshCookie(req, res);
      res.status(401).json(failure('UNAUTHENTICATED', error.message));
    }
  }
}

/** The shape of a GraphQL error answer, so a client reads both alike. */
function failure(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}
