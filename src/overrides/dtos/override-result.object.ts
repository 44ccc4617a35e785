import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import type { OverrideWriteResult } from '../override-editing.service';

export enum EditOutcome {
  SAVED = 'SAVED',
  CLEARED = 'CLEARED',
  INHERITED = 'INHERITED',
}
registerEnumType(EditOutcome, {
  name: 'EditOutcome',
  description: 'What a save of local content did.',
  valuesMap: {
    SAVED: { description: 'The draft holds the value (publish `item` to make it live).' },
    CLEARED: {
      description:
        'The value is what the place inherits, so its override was deleted; a published one is deleted when `item` is published.',
    },
    INHERITED: {
      description: 'The place inherits this value and had no override: nothing was stored.',
    },
  },
});

@ObjectType({ description: 'The result of a save that may store nothing.' })
export class OverrideResult {
  @Field(() => EditOutcome, { description: 'What was stored.' })
  outcome: EditOutcome;

  @Field(() => EditableItem, {
    nullable: true,
    description: 'The override written or cleared; null when nothing was stored.',
  })
  item: EditableItem | null;
}

/** The GraphQL object of an override save, clear or reset. */
export function toOverrideResult(result: OverrideWriteResult): OverrideResult {
  return {
    outcome: EditOutcome[result.outcome],
    item: result.item && toEditableItem(result.item),
  };
}
