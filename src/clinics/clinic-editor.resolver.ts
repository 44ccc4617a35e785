import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { canPreview } from '../auth/access';
import { ContentResolutionService } from '../content-resolution/content-resolution.service';
import { type ItemScope, mayEdit } from '../editing/access-rules';
import { draftCountsByClinic, draftsOfClinic } from '../editing/clinic-drafts';
import { EditorReadsService } from '../editing/editor-reads.service';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import { CONTENT_TYPE_DEFS } from '../content-types/registry';
import { ItemPermissions } from '../editing/dtos/item-permissions.object';
import { itemPermissions } from '../editing/item-permissions';
import { draftReader } from '../editing/place-access';
import type { GraphqlContext } from '../graphql/graphql-context';
import { previewOf } from '../read-mode/read-mode';
import { TreatmentsService } from '../treatments/treatments.service';
import { ClinicRow, ClinicsService } from './clinics.service';
import { Clinic } from './dtos/clinic.object';
import { ClinicWorkSummary } from './dtos/clinic-work-summary.object';
import { HiddenFaq } from './dtos/hidden-faq.object';
import { OverrideScopeName } from '../content-resolution/dtos/override.inputs';
import { EditableClinicsArgs } from './dtos/editable-clinics.args';

/** Where a clinic sits, as the clinic content type's scope SQL says. */
const clinicScope = (row: ClinicRow): ItemScope => ({
  brandId: row.brandId,
  level: 'CLINIC',
  regionIds: row.regionId ? [row.regionId] : [],
  clinicIds: [row.id],
});

const mayEditClinic = (actor: Actor, row: ClinicRow) =>
  mayEdit(actor, { scope: clinicScope(row), fields: [] });

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
    @Context() { actor }: GraphqlContext,
  ): Promise<Clinic[]> {
    const caller = draftReader(actor);
    const mode = previewOf(caller.brandId);
    const rows = await this.clinicsService.listOfBrand(caller.brandId, search ?? null, mode);
    return rows
      .filter((row) => mayEditClinic(caller, row))
      .map((row) => this.clinicsService.toClinic(row, mode));
  }

  @ResolveField(() => ItemPermissions, {
    description: 'What the caller may do with this clinic and its local content.',
  })
  viewerCan(@Parent() clinic: Clinic, @Context() { actor }: GraphqlContext): ItemPermissions {
    return itemPermissions(actor, CONTENT_TYPE_DEFS.CLINIC, clinicScope(clinic.row));
  }

  @ResolveField(() => ClinicWorkSummary, {
    nullable: true,
    description:
      'Drafts, stale overrides and missing required values at this clinic (its working copy); null unless the caller may edit it.',
  })
  async workSummary(
    @Parent() clinic: Clinic,
    @Context() { actor, loaders }: GraphqlContext,
  ): Promise<ClinicWorkSummary | null> {
    if (!canPreview(actor, clinic.row.brandId) || !mayEditClinic(actor, clinic.row)) return null;
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
    @Context() context: GraphqlContext,
  ): Promise<EditableItem[] | null> {
    const { actor } = context;
    if (!canPreview(actor, clinic.row.brandId) || !mayEditClinic(actor, clinic.row)) return null;
    const refs = await draftsOfClinic(this.db, clinic.row.id);
    const items = [];
    // One by one: editor reads check access per item, as `item(type:, id:)` does.
    for (const ref of refs) {
      items.push(asEditableItem(await this.reads.get(apiWrite(context), ref.type, ref.id)));
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
    @Context() { actor, loaders }: GraphqlContext,
  ): Promise<HiddenFaq[] | null> {
    if (!canPreview(actor, clinic.row.brandId) || !mayEditClinic(actor, clinic.row)) return null;
    const hidden = await this.resolution.hiddenFaqs(clinic.row, clinic.mode, loaders);
    // showFaq at the clinic writes a clinic override: the clinic's edit right decides.
    const { edit } = itemPermissions(actor, CONTENT_TYPE_DEFS.CLINIC, clinicScope(clinic.row));
    return hidden.map(({ faq, hiddenBy }) => ({
      faq,
      hiddenBy: OverrideScopeName[hiddenBy],
      viewerCan: { show: edit },
    }));
  }

  private readonly batchDraftCounts = (ids: readonly string[]) => draftCountsByClinic(this.db, ids);
}
