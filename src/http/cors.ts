import type {
  CorsOptions,
  CorsOptionsDelegate,
} from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Request } from 'express';

/** The request headers browsers' GraphQL clients send. */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  // Bearer tokens and API keys alike (`Authorization: Bearer …`).
  'authorization',
  // Apollo's CSRF-prevention headers (Apollo Client, Apollo Sandbox).
  'apollo-require-preflight',
  'x-apollo-operation-name',
  // Apollo Client's client awareness.
  'apollographql-client-name',
  'apollographql-client-version',
];

const COMMON: CorsOptions = {
  methods: ['GET', 'POST'],
  allowedHeaders: CORS_ALLOWED_HEADERS,
  exposedHeaders: ['etag', 'x-cache'],
  // Browsers reuse an answered preflight this long (Chromium caps it at 2 h).
  maxAge: 600,
};

/**
 * CORS per CORS_ORIGINS: a listed origin is echoed back with
 * `Access-Control-Allow-Credentials: true`; with `*` any other origin may
 * read without credentials (bearer tokens in `Authorization` need none);
 * else no CORS headers. Preflights are answered 204 before any other
 * middleware runs.
 */
export function corsOptions(origins: readonly string[]): CorsOptionsDelegate<Request> {
  const anyOrigin = origins.includes('*');
  const listed = new Set(origins.filter((origin) => origin !== '*'));
  return (req, callback) => {
    const origin = req.headers.origin?.toLowerCase();
    if (origin && listed.has(origin)) {
      // cors adds Vary: Origin for an echoed origin.
      callback(null, { ...COMMON, origin: req.headers.origin, credentials: true });
    } else if (anyOrigin) {
      callback(null, { ...COMMON, origin: '*', credentials: false });
    } else {
      callback(null, { origin: false });
    }
  };
}

/**
 * With a list, the answer depends on Origin even where `*` is sent (another
 * origin would get its own name and credentials): shared caches must key on it.
 */
export function corsVariesByOrigin(origins: readonly string[]): boolean {
  return origins.some((origin) => origin !== '*');
}
