import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { ContentResolutionService } from '../../content-resolution/content-resolution.service';
import { draftCountsByClinic, draftsOfClinic } from '../../editing/clinic-drafts';
import { EditorReadsService } from '../../editing/editor-reads.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { CONTENT_TYPE_DEFS } from '../../content-types/registry';
import { ItemPermissions } from '../../editing/dtos/item-permissions.object';
import { previewOf } from '../../read-mode/read-mode';
import { TreatmentsService } from '../../treatments/treatments.service';
import { ClinicRow, ClinicsService } from '../../clinics/clinics.service';
import { Clinic } from '../../clinics/dtos/clinic.object';
import { ClinicWorkSummary } from './dtos/clinic-work-summary.object';
import { HiddenFaq } from './dtos/hidden-faq.object';
import { OverrideLevel } from '../../overrides/dtos/override.inputs';
import { EditableClinicsArgs } from './dtos/editable-clinics.args';
import { checkBrandAccess, requireBrandPermission } from '../../access/brand-access';
import { checkItemAccess, type ItemPlacement } from '../../access/item-access';
import { itemPermissions } from '../../access/item-permissions';
import { Permission } from '../../access/permission';
import { CurrentActor, WriteContext, Loaders } from '../../graphql/context.decorators';
import type { RequestLoaders } from '../../graphql/request-loaders';

/** Where a clinic sits, as the clinic content type's scope SQL says. */
const clinicPlacement = (row: ClinicRow): ItemPlacement => ({
  brandId: row.brandId,
  level: 'CLINIC',
  regionIds: row.regionId ? [row.regionId] : [],
  clinicIds: [row.id],
});

const mayEditClinic = (actor: Actor, row: ClinicRow) =>
  checkItemAccess(actor, Permission.ItemEdit, { placement: clinicPlacement(row), fields: [] });

/** What editors (and the console) ask about clinics: which, what may I do, what waits. */
@Resolver(() => Clinic)
export class ClinicEditorResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clinicsService: ClinicsService,
    private readonly treatmentsService: TreatmentsService,
    private readonly resolution: ContentResolutionService,
    private readonly reads: EditorReadsService,
  ) {}

  @Query(() => [Clinic], {
    description:
      'The clinics the caller may edit (their role and places decide), as working copies, by name. Editors and preview keys of a brand; anonymous callers get UNAUTHENTICATED.',
  })
  async editableClinics(
    @Args() { search }: EditableClinicsArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Clinic[]> {
    const caller = requireBrandPermission(actor, Permission.DraftRead);
    const mode = previewOf(caller.brandId);
    const rows = await this.clinicsService.listOfBrand(caller.brandId, search ?? null, mode);
    return rows
      .filter((row) => mayEditClinic(caller, row))
      .map((row) => this.clinicsService.toClinic(row, mode));
  }

  @ResolveField(() => ItemPermissions, {
    description: 'What the caller may do with this clinic and its local content.',
  })
  viewerCan(@Parent() clinic: Clinic, @CurrentActor() actor: Actor): ItemPermissions {
    return itemPermissions(actor, CONTENT_TYPE_DEFS.CLINIC, clinicPlacement(clinic.row));
  }

  @ResolveField(() => ClinicWorkSummary, {
    nullable: true,
    description:
      'Drafts, stale overrides and missing required values at this clinic (its working copy); null unless the caller may edit it.',
  })
  async workSummary(
    @Parent() clinic: Clinic,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ClinicWorkSummary | null> {
    if (
      !checkBrandAccess(actor, Permission.DraftRead, clinic.row.brandId) ||
      !mayEditClinic(actor, clinic.row)
    )
      return null;
    const mode = previewOf(clinic.row.brandId);
    const [offered, draftCount] = await Promise.all([
      loaders.forMode(this.treatmentsService.batchOfferedByClinic, mode).load(clinic.itemId),
      loaders.get(this.batchDraftCounts).load(clinic.itemId),
    ]);
    const resolved = await Promise.all(
      offered.map((entity) => this.resolution.resolveTreatment(entity, clinic.row, mode, loaders)),
    );
    const sources = resolved.flatMap((treatment) => treatment.fieldSources);
    return {
      draftCount,
      staleOverrideCount: sources.filter((source) => source.stale).length,
      missingRequiredCount: sources.filter((source) => source.missing).length,
    };
  }

  @ResolveField(() => [EditableItem], {
    nullable: true,
    description:
      'The unpublished drafts placed at this clinic (the clinic, its offers, prices, FAQs, overrides), most recently saved first, at most 200: the changes an editor may publish here. Null unless the caller may edit the clinic.',
  })
  async drafts(
    @Parent() clinic: Clinic,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem[] | null> {
    const { actor } = write;
    if (
      !checkBrandAccess(actor, Permission.DraftRead, clinic.row.brandId) ||
      !mayEditClinic(actor, clinic.row)
    )
      return null;
    const refs = await draftsOfClinic(this.db, clinic.row.id);
    const items = [];
    // One by one: editor reads check access per item, as `item(type:, id:)` does.
    for (const ref of refs) {
      items.push(toEditableItem(await this.reads.get(write, ref.type, ref.id)));
    }
    return items;
  }

  @ResolveField(() => [HiddenFaq], {
    nullable: true,
    description:
      'The brand FAQs this clinic’s list leaves out, hidden by its region or by the clinic, with whether the caller may show each here again. Null unless the caller may edit the clinic.',
  })
  async hiddenFaqs(
    @Parent() clinic: Clinic,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: RequestLoaders,
  ): Promise<HiddenFaq[] | null> {
    if (
      !checkBrandAccess(actor, Permission.DraftRead, clinic.row.brandId) ||
      !mayEditClinic(actor, clinic.row)
    )
      return null;
    const hidden = await this.resolution.hiddenFaqs(clinic.row, clinic.mode, loaders);
    // showFaq at the clinic writes a clinic override: the clinic's edit right decides.
    const { edit } = itemPermissions(actor, CONTENT_TYPE_DEFS.CLINIC, clinicPlacement(clinic.row));
    return hidden.map(({ faq, hiddenBy }) => ({
      faq,
      hiddenBy: OverrideLevel[hiddenBy],
      viewerCan: { show: edit },
    }));
  }

  private readonly batchDraftCounts = (ids: readonly string[]) => draftCountsByClinic(this.db, ids);
}
