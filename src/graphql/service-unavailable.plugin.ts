import type { ApolloDriverConfig } from '@nestjs/apollo';
import { RETRY_AFTER_SECONDS } from '../database/database-unavailable';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * An answer with a SERVICE_UNAVAILABLE error (see formatGraphqlError) goes
 * out as HTTP 503 with Retry-After, so CDNs do not cache it and monitors and
 * clients can tell an outage from a bug.
 */
export const serviceUnavailablePlugin: ApolloPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (!errors.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
      },
    };
  },
};
