import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CONTENT_TYPE_DEFS } from '../editing/content-types';
import type { ItemView } from '../editing/content-writer.service';
import { EditableItem } from '../editing/dtos/editable-item.object';
import type { GraphqlContext } from '../graphql/graphql-context';
import { ClaimRulesService } from './claim-rules.service';
import { ClaimWarning } from './dtos/claim-rule.object';
import { itemTexts, placesKey } from './item-claims';
import { ComplianceReadService } from './compliance-read.service';
import { lintTexts } from './lint-claims';

/** What compliance says about an item, beside its values (for editors; every save answers it). */
@Resolver(() => EditableItem)
export class EditableItemComplianceResolver {
  constructor(
    private readonly rules: ClaimRulesService,
    private readonly reads: ComplianceReadService,
  ) {}

  @ResolveField(() => [ClaimWarning], {
    description:
      'Claim-rule hits in the working copy (WARN and BLOCK): what a save answers with. BLOCK hits in what a publish changes refuse the publish.',
  })
  async claimWarnings(
    @Parent() parent: EditableItem,
    @Context() { loaders }: GraphqlContext,
  ): Promise<ClaimWarning[]> {
    const item = parent as unknown as ItemView;
    if (item.pendingDelete) return [];
    const [rules, places] = await Promise.all([
      loaders.get(this.rules.batchByBrand).load(item.brandId),
      loaders.get(this.reads.batchTextPlaces).load(placesKey(item.scope)),
    ]);
    return lintTexts(
      itemTexts(CONTENT_TYPE_DEFS[item.type], item.values),
      rules,
      places,
    ) as ClaimWarning[];
  }
}
