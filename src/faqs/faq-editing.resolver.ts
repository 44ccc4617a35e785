import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { placeOf } from '../overrides/dtos/override.inputs';
import { EditOutcome, OverrideResult } from '../overrides/dtos/override-result.object';
import { asOverrideResult } from '../overrides/override-editing.resolver';
import { EditableItem } from '../editing/dtos/editable-item.object';
import { plain, setFields } from '../editing/editable-values';
import { apiWrite, asEditableItem } from '../editing/editing.resolver';
import type { GraphqlContext } from '../graphql/graphql-context';
import {
  CreateFaqInput,
  HideFaqInput,
  ReorderFaqsInput,
  ShowFaqInput,
  UpdateFaqInput,
} from './dtos/faq.inputs';
import { FaqPosition } from './dtos/faq-position.object';
import { FaqEditingService } from './faq-editing.service';

/** Editors write brand FAQs, clinics' own FAQs and clinics' FAQ lists (as drafts). */
@Resolver()
export class FaqEditingResolver {
  constructor(private readonly faqs: FaqEditingService) {}

  @Mutation(() => EditableItem, {
    description:
      'Creates a FAQ as a draft: brand-wide (brand-wide editors), or with clinicId only for that clinic (its editors and its region’s).',
  })
  async createFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateFaqInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    const { clinicId, ...fields } = plain(setFields(input)) as unknown as CreateFaqInput;
    return asEditableItem(await this.faqs.create(apiWrite(context), clinicId, fields));
  }

  @Mutation(() => EditableItem, { description: 'Changes a FAQ’s draft.' })
  async updateFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateFaqInput,
    @Context() context: GraphqlContext,
  ): Promise<EditableItem> {
    const changes = plain(setFields(input, ['id', 'version']));
    return asEditableItem(
      await this.faqs.update(apiWrite(context), { id: input.id, version: input.version }, changes),
    );
  }

  @Mutation(() => OverrideResult, {
    description: 'Hides a brand FAQ from a region’s or clinic’s list (a draft `hidden` override).',
  })
  async hideFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: HideFaqInput,
    @Context() context: GraphqlContext,
  ): Promise<OverrideResult> {
    return asOverrideResult(
      await this.faqs.setHidden(
        apiWrite(context),
        placeOf(input),
        input.faqId,
        true,
        input.version,
      ),
    );
  }

  @Mutation(() => OverrideResult, {
    description:
      'Shows a brand FAQ hidden at a region or clinic again: clears the place’s `hidden` override, or (where its region hides it) overrides that.',
  })
  async showFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ShowFaqInput,
    @Context() context: GraphqlContext,
  ): Promise<OverrideResult> {
    return asOverrideResult(
      await this.faqs.setHidden(
        apiWrite(context),
        placeOf(input),
        input.faqId,
        false,
        input.version,
      ),
    );
  }

  @Mutation(() => [FaqPosition], {
    description:
      'Moves FAQs, all or none: the brand’s FAQs (brand-wide editors), or with clinicId one clinic’s list (position overrides of brand FAQs, positions of its own FAQs).',
  })
  async reorderFaqs(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ReorderFaqsInput,
    @Context() context: GraphqlContext,
  ): Promise<FaqPosition[]> {
    const results = await this.faqs.reorder(apiWrite(context), input.clinicId, plain(input.items));
    return results.map((result): FaqPosition => ({
      faqId: result.faqId,
      position: result.position,
      outcome: result.outcome as EditOutcome,
      item: result.item && asEditableItem(result.item),
    }));
  }
}
