import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { asksForExplorer } from './dev-explorer';

const APOLLO_CDNS = [
  'https://apollo-server-landing-page.cdn.apollographql.com',
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://embeddable-explorer.cdn.apollographql.com',
];

/** Every answer is data: nothing may run, load, frame or be framed. */
const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/**
 * What Apollo Sandbox's page needs (development only, that page only). The
 * page adds its own stricter policy with a per-render nonce in a <meta>
 * tag; browsers enforce both, so 'unsafe-inline' here admits only what the
 * nonce admits there.
 */
const EXPLORER_CSP = {
  ...API_CSP,
  scriptSrc: ["'self'", "'unsafe-inline'", ...APOLLO_CDNS],
  styleSrc: ["'unsafe-inline'", ...APOLLO_CDNS, 'https://fonts.googleapis.com'],
  fontSrc: ['https://fonts.gstatic.com'],
  imgSrc: [...APOLLO_CDNS],
  manifestSrc: [...APOLLO_CDNS],
  frameSrc: ['https://sandbox.embed.apollographql.com', 'https://explorer.embed.apollographql.com'],
  connectSrc: ["'self'"],
};

const common = {
  // HSTS is added below for requests that arrived over HTTPS only.
  strictTransportSecurity: false,
  frameguard: { action: 'deny' as const },
  // A public API: other sites' pages may load its answers (CORS still rules reads).
  crossOriginResourcePolicy: { policy: 'cross-origin' as const },
};
const apiHeaders = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
});
const explorerHeaders = helmet({
  ...common,
  contentSecurityPolicy: { useDefaults: false, directives: EXPLORER_CSP },
});
const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });

/**
 * Security headers on every answer, via helmet: nosniff, frame denial, a
 * CSP, no referrer; HSTS when the request came over HTTPS (directly, or per
 * X-Forwarded-Proto from a proxy TRUST_PROXY trusts).
 */
export function securityHeaders(options: { explorer: boolean }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const headers =
      options.explorer && req.path === '/graphql' && asksForExplorer(req)
        ? explorerHeaders
        : apiHeaders;
    headers(req, res, (error?: unknown) => {
      if (error || !req.secure) return next(error);
      hsts(req, res, next);
    });
  };
}
