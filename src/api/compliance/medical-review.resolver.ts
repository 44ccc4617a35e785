import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { ComplianceSettingsService } from '../../compliance/compliance-settings.service';
import {
  ComplianceSettings,
  UpdateComplianceSettingsInput,
} from './dtos/compliance-settings.object';
import { MedicalReview, RequestChangesInput, ReviewDraftInput } from './dtos/medical-review.object';
import { MedicalReviewService } from '../../compliance/medical-review.service';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../graphql/context.decorators';

/** Medical review of drafts and the brand's compliance settings. */
@Resolver()
export class MedicalReviewResolver {
  constructor(
    private readonly reviews: MedicalReviewService,
    private readonly settings: ComplianceSettingsService,
  ) {}

  @Mutation(() => MedicalReview, {
    description:
      'A medical reviewer approves exactly this draft of an item (its content hash); any later edit voids the approval. Refused for a draft the reviewer edited.',
  })
  async approveDraft(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ReviewDraftInput,
    @CurrentActor() actor: Actor,
  ): Promise<MedicalReview> {
    return (await this.reviews.review(
      actor,
      input.item,
      'APPROVED',
      input.comment?.trim() || null,
    )) as MedicalReview;
  }

  @Mutation(() => MedicalReview, {
    description:
      'A medical reviewer asks for changes to this draft; it cannot be published (where review is required) until a later draft is approved.',
  })
  async requestChanges(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: RequestChangesInput,
    @CurrentActor() actor: Actor,
  ): Promise<MedicalReview> {
    return (await this.reviews.review(
      actor,
      input.item,
      'CHANGES_REQUESTED',
      input.comment.trim(),
    )) as MedicalReview;
  }

  @Query(() => [EditableItem], {
    description:
      'Drafts of your brand that change regulated fields and are not approved as they stand, oldest first (a regional reviewer sees those of their regions). Editor accounts only.',
  })
  async reviewQueue(@CurrentActor() actor: Actor): Promise<EditableItem[]> {
    return (await this.reviews.queue(actor)).map(toEditableItem);
  }

  @Query(() => ComplianceSettings, { description: 'Your brand’s compliance settings.' })
  complianceSettings(@CurrentActor() actor: Actor): Promise<ComplianceSettings> {
    return this.settings.get(actor);
  }

  @Mutation(() => ComplianceSettings, {
    description: 'Changes your brand’s compliance settings. Brand admins only.',
  })
  updateComplianceSettings(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateComplianceSettingsInput,
    @CurrentActor() actor: Actor,
  ): Promise<ComplianceSettings> {
    return this.settings.update(
      actor,
      Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    );
  }
}
