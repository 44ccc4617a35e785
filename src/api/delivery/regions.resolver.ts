import { Args, Query, Resolver } from '@nestjs/graphql';
import { BrandListArgs } from '../../graphql/brand-list.args';
import { pageWindow, toConnection } from '../../graphql/connection';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { RegionConnection } from './dtos/region-connection.object';
import { Region } from '../../regions/dtos/region.object';
import { RegionsService, toRegion } from '../../regions/regions.service';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

@Resolver(() => Region)
export class RegionsResolver {
  constructor(
    private readonly regionsService: RegionsService,
    private readonly previewAccess: PreviewAccessService,
  ) {}

  @Query(() => RegionConnection, {
    description:
      'A brand’s regions, by name (with `preview`, its working copy): the places whose overrides apply to all their clinics.',
  })
  async regions(
    @Args() args: BrandListArgs,
    @CurrentActor() actor: Actor,
  ): Promise<RegionConnection> {
    const window = pageWindow('regions', args);
    const mode = await this.previewAccess.readMode(actor, args.brand, args.preview);
    const { rows, totalCount } = await this.regionsService.list(args.brand, window, mode);
    return toConnection(
      'regions',
      rows.map((row) => toRegion(row, mode)),
      window,
      totalCount,
    );
  }
}
