import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { asksForExplorer, devExplorerEnabled } from './dev-explorer';

/** Content types a browser may send cross-site without a preflight. */
const SIMPLE_CONTENT_TYPES = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
];
/** Apollo's headers that force a preflight; clients send them on purpose. */
const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

/**
 * CSRF prevention where it protects something. The API authenticates with
 * bearer tokens and API keys only, which a cross-site form or <img> cannot
 * send, so a request without cookies gains a forger nothing and GET queries
 * work with every client's defaults (Apollo's own check is off). A request
 * that carries a cookie could be riding someone's session, so it must prove
 * it was preflighted (a non-simple Content-Type or one of Apollo's
 * preflight headers), exactly as Apollo's csrfPrevention would demand; else
 * it is refused 400 before anything runs. Mutations over GET stay refused
 * by Apollo (405) whatever the headers.
 */
@Injectable()
export class CookieCsrfMiddleware implements NestMiddleware {
  private readonly explorer: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.explorer = devExplorerEnabled(config);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (!req.headers.cookie || preflighted(req)) return next();
    // The dev explorer's page runs no operation.
    if (this.explorer && asksForExplorer(req)) return next();
    res.status(400).json({
      errors: [
        {
          message:
            'This request carries a cookie but could have been sent cross-site without a preflight: ' +
            `send Content-Type: application/json or a non-empty ${PREFLIGHT_HEADERS.join(' or ')} header`,
          extensions: { code: 'CSRF_PREVENTED' },
        },
      ],
    });
  }
}

function preflighted(req: Request): boolean {
  const contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.includes(contentType)) return true;
  return PREFLIGHT_HEADERS.some((name) => Boolean(req.headers[name]));
}
