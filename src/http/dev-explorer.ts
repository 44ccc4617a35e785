import type { Request } from 'express';
import type { AppConfig } from '../config/app-config';

/** Apollo Sandbox (the dev explorer) is served outside production only. */
export function devExplorerEnabled(config: Pick<AppConfig, 'nodeEnv'>): boolean {
  return config.nodeEnv !== 'production';
}

/**
 * A browser opening /graphql: Apollo answers its landing page instead of
 * running an operation when a GET prefers HTML to every JSON type it serves
 * (the same negotiation as Apollo's `prefersHTML`).
 */
export function asksForExplorer(req: Request): boolean {
  return (
    req.method === 'GET' &&
    Boolean(req.headers.accept) &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ===
      'text/html'
  );
}
