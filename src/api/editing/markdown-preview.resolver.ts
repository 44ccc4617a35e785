import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, Loaders } from '../../graphql/context.decorators';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { renderTokens } from '../../content-resolution/tokens';
import { previewOf } from '../../read-mode/read-mode';
import { markdownToSafeHtml } from '../../markdown/markdown';
import { ClinicsService } from '../../clinics/clinics.service';
import { PreviewMarkdownArgs } from './dtos/preview-markdown.args';
import { requireBrandPermission } from '../../access/brand-access';
import { checkItemAccess, refusal } from '../../access/item-access';
import { Permission } from '../../access/permission';
import type { Actor } from '../../auth/actor';
import type { RequestLoaders } from '../../graphql/request-loaders';

/** The live preview of Markdown fields in the console: rendered exactly as delivery renders them. */
@Resolver()
export class MarkdownPreviewResolver {
  constructor(
    private readonly clinicsService: ClinicsService,
    private readonly resolution: ContentResolutionService,
  ) {}

  @Query(() => String, {
    description:
      'Markdown as delivery would serve it: `{{clinic.*}}` and `{{brand.*}}` tokens filled for the clinic (its working copy), then the same Markdown→sanitized HTML as `disclaimerHtml`. Editors and preview keys of the brand; a clinic the caller may not edit is refused.',
  })
  async previewMarkdown(
    @Args() { text, clinicId }: PreviewMarkdownArgs,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<string> {
    const caller = requireBrandPermission(actor, Permission.DraftRead);
    const mode = previewOf(caller.brandId);
    let clinic = null;
    if (clinicId) {
      clinic = await loaders.forMode(this.clinicsService.batchById, mode).load(clinicId);
      const placement = clinic && {
        brandId: clinic.brandId,
        level: 'CLINIC' as const,
        regionIds: clinic.regionId ? [clinic.regionId] : [],
        clinicIds: [clinic.id],
      };
      if (!clinic || !placement || clinic.brandId !== caller.brandId) throw refusal(caller, false);
      if (!checkItemAccess(caller, Permission.ItemEdit, { placement, fields: [] }))
        throw refusal(caller, true, clinic.brandId);
    }
    const context = await this.resolution.tokenContext(caller.brandId, clinic, mode, loaders);
    return markdownToSafeHtml(renderTokens(text, context));
  }
}
