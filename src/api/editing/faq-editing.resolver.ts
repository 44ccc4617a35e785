import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { placeOf } from '../../overrides/dtos/override.inputs';
import {
  EditOutcome,
  OverrideResult,
  toOverrideResult,
} from '../../overrides/dtos/override-result.object';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { plain, setFields } from '../../editing/editable-values';
import {
  CreateFaqInput,
  HideFaqInput,
  ReorderFaqsInput,
  ShowFaqInput,
  UpdateFaqInput,
} from '../../faqs/dtos/faq.inputs';
import { FaqPosition } from './dtos/faq-position.object';
import { FaqEditingService } from '../../faqs/faq-editing.service';
import { WriteContext } from '../../graphql/context.decorators';

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
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    // plain() drops the fields left out (undefined), as setFields() does.
    const { clinicId, ...fields } = plain(input);
    return toEditableItem(await this.faqs.create(write, clinicId, fields));
  }

  @Mutation(() => EditableItem, { description: 'Changes a FAQ’s draft.' })
  async updateFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateFaqInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    const changes = plain(setFields(input, ['id', 'version']));
    return toEditableItem(
      await this.faqs.update(write, { id: input.id, version: input.version }, changes),
    );
  }

  @Mutation(() => OverrideResult, {
    description: 'Hides a brand FAQ from a region’s or clinic’s list (a draft `hidden` override).',
  })
  async hideFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: HideFaqInput,
    @WriteContext() write: WriteContext,
  ): Promise<OverrideResult> {
    return toOverrideResult(
      await this.faqs.setHidden(write, placeOf(input), input.faqId, true, input.version),
    );
  }

  @Mutation(() => OverrideResult, {
    description:
      'Shows a brand FAQ hidden at a region or clinic again: clears the place’s `hidden` override, or (where its region hides it) overrides that.',
  })
  async showFaq(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ShowFaqInput,
    @WriteContext() write: WriteContext,
  ): Promise<OverrideResult> {
    return toOverrideResult(
      await this.faqs.setHidden(write, placeOf(input), input.faqId, false, input.version),
    );
  }

  @Mutation(() => [FaqPosition], {
    description:
      'Moves FAQs, all or none: the brand’s FAQs (brand-wide editors), or with clinicId one clinic’s list (position overrides of brand FAQs, positions of its own FAQs).',
  })
  async reorderFaqs(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: ReorderFaqsInput,
    @WriteContext() write: WriteContext,
  ): Promise<FaqPosition[]> {
    const results = await this.faqs.reorder(write, input.clinicId, plain(input.items));
    return results.map((result): FaqPosition => ({
      faqId: result.faqId,
      position: result.position,
      outcome: result.outcome as EditOutcome,
      item: result.item && toEditableItem(result.item),
    }));
  }
}
