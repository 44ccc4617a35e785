import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphqlContext } from '../graphql/graphql-context';
import { CACHE_ATTEMPT } from './cache-attempt';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/**
 * Tells the response cache middleware whether Apollo's answer may be kept:
 * only a query answered in full, without any error, with status 200.
 */
export const responseCachePlugin: ApolloPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, operation }) {
        const attempt = (contextValue as GraphqlContext | undefined)?.req?.[CACHE_ATTEMPT];
        if (!attempt) return;
        attempt.cacheable =
          operation?.operation === 'query' &&
          response.body.kind === 'single' &&
          !response.body.singleResult.errors &&
          (response.http.status ?? 200) === 200;
      },
    };
  },
};

/**
 * Apollo's own cache-control plugin wraps every field resolver to collect
 * cache hints that this API does not use (the response cache sets
 * Cache-Control itself); turned off, fields resolve without the wrapper.
 */
export const apolloCacheControlDisabled = ApolloServerPluginCacheControlDisabled() as ApolloPlugin;
