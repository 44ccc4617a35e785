import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { ChangeFeedService } from '../../syndication/change-feed.service';
import { ContentChangePage } from '../../syndication/dtos/content-change.object';
import { ContentChangesArgs } from './dtos/content-changes.args';
import { CurrentActor, HttpRequest } from '../../graphql/context.decorators';
import type { AuthenticatedRequest } from '../../graphql/graphql-context';
import { notePagePosition } from '../../syndication/read-ahead/feed-page.plugin';

@Resolver()
export class SyndicationResolver {
  constructor(private readonly feed: ChangeFeedService) {}

  @Query(() => ContentChangePage, {
    description:
      'Partner sync: published clinics, treatments, FAQs and prices of your brand, then every change after, in commit order (deletions as tombstones). Needs a partner key. See docs/syndication.md.',
  })
  async contentChanges(
    @Args() args: ContentChangesArgs,
    @CurrentActor() actor: Actor,
    @HttpRequest() req: AuthenticatedRequest,
  ): Promise<ContentChangePage> {
    const page = await this.feed.read(actor, args);
    notePagePosition(req, page.position);
    return page;
  }
}
