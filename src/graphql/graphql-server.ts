import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { devExplorerEnabled } from '../http/dev-explorer';
import { ResponseCacheModule } from '../response-cache/response-cache.module';
import {
  apolloCacheControlDisabled,
  responseCachePlugin,
} from '../response-cache/response-cache.plugin';
import { ResponseCacheService } from '../response-cache/response-cache.service';
import { compiledExecution } from './compiled-execution.plugin';
import { boundListFields } from './execution-ceilings';
import { plainPropertyFields } from './plain-fields';
import { formatGraphqlError } from './format-error';
import { createGraphqlContext } from './graphql-context';
import { type QueryLimits, queryLimits } from './query-limits';
import { serviceUnavailablePlugin } from './service-unavailable.plugin';
import { feedPagePlugin } from '../syndication/read-ahead/feed-page.plugin';

/**
 * The Apollo server at /graphql: context, limits, errors, plugins. It serves
 * whatever resolvers the app's modules declare (src/api).
 */
export const GraphqlServerModule = GraphQLModule.forRootAsync<ApolloDriverConfig>({
  driver: ApolloDriver,
  imports: [ResponseCacheModule],
  inject: [APP_CONFIG, ResponseCacheService],
  useFactory: (config: AppConfig, responseCache: ResponseCacheService) => ({
    path: '/graphql',
    // In development the schema is written to schema.gql (committed), so a
    // change to the public contract shows in review (`npm run build` writes
    // it too). Not under test: specs boot apps in parallel workers, and one
    // rewriting the file let another read it empty (src/api/schema-file.spec
    // checks the committed file instead).
    autoSchemaFile: config.nodeEnv === 'development' ? join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    introspection: config.graphqlIntrospection,
    // Apollo Sandbox instead (below), outside production only.
    graphiql: false,
    // Cookie-carrying requests are checked by CookieCsrfMiddleware;
    // token-authenticated GET queries need no preflight (docs/api.md).
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphqlError,
    // Nest would reset every answer that has data to 200, which would
    // hide serviceUnavailablePlugin's 503 from clients and CDNs.
    preserveHttpStatusForExecutionErrors: false,
    // Plain fields resolve as plain properties; every list is cut to its
    // declared bound and stops a request past its deadline.
    transformSchema: (schema) => boundListFields(plainPropertyFields(schema)),
    context: createGraphqlContext,
    // parseOptions (token limit), validationRules and plugins.
    ...withPlugins(
      queryLimits(config),
      responseCachePlugin,
      apolloCacheControlDisabled,
      serviceUnavailablePlugin,
      feedPagePlugin,
      // After the limits: they run before any execution, compiled or not.
      // The partner feed's items come from typed columns (src/syndication).
      compiledExecution({ preSerializedRootFields: new Set(['contentChanges']) }),
      ...(devExplorerEnabled(config)
        ? [ApolloServerPluginLandingPageLocalDefault({ embed: true }) as ApolloPlugin]
        : []),
    ),
    // Automatic persisted queries, shared by every instance when the
    // response cache is in Redis.
    persistedQueries: { cache: responseCache.persistedQueries() },
  }),
});

type ApolloPlugin = QueryLimits['plugins'][number];

function withPlugins(limits: QueryLimits, ...plugins: QueryLimits['plugins']): QueryLimits {
  return { ...limits, plugins: [...limits.plugins, ...plugins] };
}
