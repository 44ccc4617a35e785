import { HeaderMap } from '@apollo/server';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { ANONYMOUS, Actor } from '../auth/actor';
import { RequestLoaders } from './request-loaders';

/** Set on the request by the auth middleware (src/auth) before GraphQL runs. */
export type AuthenticatedRequest = Request & {
  actor?: Actor;
  /** Why the credential sent was refused (malformed, unknown, expired, revoked). */
  authError?: string;
};

export interface GraphqlContext {
  req: AuthenticatedRequest;
  actor: Actor;
  loaders: RequestLoaders;
}

export function createGraphqlContext({ req }: { req: AuthenticatedRequest }): GraphqlContext {
  if (req.authError) {
    // Apollo answers an error thrown here with its own status and code
    // instead of running the operation: a bad credential is a 401, not a
    // silently anonymous request.
    throw new GraphQLError(req.authError, {
      extensions: {
        code: 'UNAUTHENTICATED',
        http: {
          status: 401,
          headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]),
        },
      },
    });
  }
  return { req, actor: req.actor ?? ANONYMOUS, loaders: new RequestLoaders() };
}
