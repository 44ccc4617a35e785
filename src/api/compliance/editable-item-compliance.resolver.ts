import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CONTENT_TYPE_DEFS } from '../../content-types/registry';
import { EditableItem } from '../../editing/dtos/editable-item.object';
import { ClaimRulesService } from '../../compliance/claim-rules.service';
import { ClaimWarning } from '../../compliance/dtos/claim-rule.object';
import { itemTexts, placesKey } from '../../compliance/item-claims';
import { ComplianceReadService } from '../../compliance/compliance-read.service';
import { lintTexts } from '../../compliance/lint-claims';
import { ComplianceSettingsService } from '../../compliance/compliance-settings.service';
import { toFieldApproval } from '../../compliance/dtos/clinical-status.object';
import { ItemMedicalReview, MedicalReview } from './dtos/medical-review.object';
import { contentHash, regulatedChanges } from '../../compliance/regulated-fields';
import type { RequestLoaders } from '../../graphql/request-loaders';
import { Loaders } from '../../graphql/context.decorators';

/** What compliance says about an item, beside its values (for editors; every save answers it). */
@Resolver(() => EditableItem)
export class EditableItemComplianceResolver {
  constructor(
    private readonly rules: ClaimRulesService,
    private readonly reads: ComplianceReadService,
    private readonly settings: ComplianceSettingsService,
  ) {}

  @ResolveField(() => ItemMedicalReview, {
    description:
      'Medical review of the draft: which regulated fields it changes, whether this exact draft is approved, and the review history.',
  })
  async medicalReview(
    @Parent() item: EditableItem,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ItemMedicalReview> {
    const hash = contentHash(item);
    const [settings, latest, history, approvals] = await Promise.all([
      loaders.get(this.settings.batchByBrand).load(item.brandId),
      loaders.get(this.reads.batchLatestReviews).load(`${item.type}:${item.id}:${hash}`),
      loaders.get(this.reads.batchReviewHistories).load(`${item.type}:${item.id}`),
      loaders.get(this.reads.batchStandingApprovals).load(`${item.type}:${item.id}`),
    ]);
    const changes = regulatedChanges(item, settings.regulatedFields);
    const approved = latest?.decision === 'APPROVED';
    return {
      regulatedChanges: changes,
      approved,
      blocksPublish: settings.medicalReviewRequired && changes.length > 0 && !approved,
      contentHash: hash,
      history: history as MedicalReview[],
      approvals: approvals.map((row) => toFieldApproval(row)),
    };
  }

  @ResolveField(() => [ClaimWarning], {
    description:
      'Claim-rule hits in the working copy (WARN and BLOCK): what a save answers with. BLOCK hits in what a publish changes refuse the publish.',
  })
  async claimWarnings(
    @Parent() item: EditableItem,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ClaimWarning[]> {
    if (item.pendingDelete) return [];
    const [rules, places] = await Promise.all([
      loaders.get(this.rules.batchByBrand).load(item.brandId),
      loaders.get(this.reads.batchTextPlaces).load(placesKey(item.placement)),
    ]);
    return lintTexts(
      itemTexts(CONTENT_TYPE_DEFS[item.type], item.values),
      rules,
      places,
    ) as ClaimWarning[];
  }
}
