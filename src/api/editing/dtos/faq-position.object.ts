import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EditOutcome } from '../../../overrides/dtos/override-result.object';
import { EditableItem } from '../../../editing/dtos/editable-item.object';

@ObjectType({ description: 'Where a reorder put one FAQ, and what it stored for it.' })
export class FaqPosition {
  @Field(() => ID, { description: 'The FAQ’s id.' })
  faqId: string;

  @Field(() => Int, { description: 'Its position now.' })
  position: number;

  @Field(() => EditOutcome, { description: 'What was stored.' })
  outcome: EditOutcome;

  @Field(() => EditableItem, {
    nullable: true,
    description:
      'The FAQ (brand list, clinic FAQs) or the clinic’s position override of a brand FAQ; null when the clinic inherits the position and nothing was stored.',
  })
  item: EditableItem | null;
}
