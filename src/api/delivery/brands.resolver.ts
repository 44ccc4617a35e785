import { Args, Query, Resolver } from '@nestjs/graphql';
import { PreviewAccessService } from '../../read-mode/preview-access.service';
import { PREVIEW_ARG } from '../../read-mode/preview.arg';
import { PUBLISHED } from '../../read-mode/read-mode';
import { Brand } from '../../brands/dtos/brand.object';
import { BrandsService, toBrand } from '../../brands/brands.service';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

@Resolver(() => Brand)
export class BrandsResolver {
  constructor(
    private readonly brandsService: BrandsService,
    private readonly previewAccess: PreviewAccessService,
  ) {}

  @Query(() => [Brand], { description: 'All published brands.' })
  async brands(): Promise<Brand[]> {
    const rows = await this.brandsService.findAll();
    return rows.map((row) => toBrand(row, PUBLISHED));
  }

  @Query(() => Brand, {
    nullable: true,
    description: 'A published brand by slug (with `preview`, its working copy), or null.',
  })
  async brand(
    @Args('slug', { description: 'Brand slug.' }) slug: string,
    @Args('preview', PREVIEW_ARG) preview: boolean | null,
    @CurrentActor() actor: Actor,
  ): Promise<Brand | null> {
    const mode = await this.previewAccess.readMode(actor, slug, preview);
    const row = await this.brandsService.findBySlug(slug, mode);
    return row && toBrand(row, mode);
  }
}
