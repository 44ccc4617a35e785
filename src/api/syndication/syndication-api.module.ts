import { Module } from '@nestjs/common';
import { SyndicationModule } from '../../syndication/syndication.module';
import { SyndicationResolver } from './syndication.resolver';

/** The resolvers SyndicationApiModule declares; GRAPHQL_RESOLVERS joins every API module's list. */
export const SYNDICATION_RESOLVERS = [SyndicationResolver];

/**
 * Partner sync: the change feed.
 */
@Module({
  imports: [SyndicationModule],
  providers: SYNDICATION_RESOLVERS,
})
export class SyndicationApiModule {}
