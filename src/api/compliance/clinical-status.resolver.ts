import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContentTypeName } from '../../editing/dtos/editable-item.object';
import { ClinicalProvenanceService } from '../../compliance/clinical-provenance.service';
import {
  FieldApproval,
  toFieldApproval,
  FieldProvenance,
  ReviewsDueArgs,
} from '../../compliance/dtos/clinical-status.object';
import { reviewsDue } from '../../compliance/reviews-due';
import { requireBrandPermission } from '../../access/brand-access';
import { Permission } from '../../access/permission';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

/** Re-review dates and provenance of clinical values (docs/compliance.md). */
@Resolver()
export class ClinicalStatusResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly provenance: ClinicalProvenanceService,
  ) {}

  @Query(() => [FieldApproval], {
    description:
      'Approved clinical values of your brand that are overdue for re-review or due within `withinDays`, soonest first; at a region or clinic, those placed there. Editors and preview keys of the brand.',
  })
  async reviewsDue(
    @Args() args: ReviewsDueArgs,
    @CurrentActor() actor: Actor,
  ): Promise<FieldApproval[]> {
    const reader = requireBrandPermission(actor, Permission.DraftRead);
    const rows = await reviewsDue(this.db.manager, reader.brandId, {
      withinDays: args.withinDays,
      regionId: args.regionId ?? null,
      clinicId: args.clinicId ?? null,
    });
    return rows.map((row) => toFieldApproval(row, args.withinDays));
  }

  @Query(() => [FieldProvenance], {
    description:
      'Where an item’s clinical values come from (the source paragraph of seeded values) and every change of them that went live, with its editors, publisher and approving reviewer. Editors of the brand.',
  })
  clinicalProvenance(
    @Args('type', { type: () => ContentTypeName, description: 'The kind of item.' })
    type: ContentTypeName,
    @Args('id', { type: () => ID, description: 'The item’s id.' }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<FieldProvenance[]> {
    return this.provenance.of(actor, type, id);
  }
}
