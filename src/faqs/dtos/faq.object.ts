import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReadMode } from '../../read-mode/read-mode';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

export enum FaqLevel {
  BRAND = 'BRAND',
  CLINIC = 'CLINIC',
}
registerEnumType(FaqLevel, {
  name: 'FaqScope',
  description: 'BRAND: written by the brand for every clinic; CLINIC: one clinic only.',
  valuesMap: {
    BRAND: { description: 'Written by the brand, shown at every clinic unless hidden.' },
    CLINIC: { description: 'Written by one clinic, shown there only.' },
  },
});

@ObjectType({
  description: 'A question and answer: the brand’s, or as one clinic shows it.',
  implements: () => [Node],
})
export class Faq {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

  @Field({ description: 'The question.' })
  question: string;

  @Field({ description: 'Markdown.' })
  answer: string;

  /**
   * A plain property, not a field resolver: a page lists up to 100 FAQs and
   * a resolver per FAQ made each node asynchronous (see FaqsService.toFaq).
   */
  @Field({ description: 'Sanitized HTML of the answer.' })
  answerHtml: string;

  @Field(() => FaqLevel, { description: 'Brand-wide or one clinic’s own.' })
  scope: FaqLevel;

  @Field({ description: 'When the FAQ last changed.' })
  updatedAt: Date;

  /** Not exposed: the brand, the clinic it is resolved for, its treatments, what it shows. */
  brandId: string;
  clinicId: string | null;
  treatmentIds: string[];
  mode: ReadMode;
}
