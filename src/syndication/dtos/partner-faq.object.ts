import { Field, ID, Int, ObjectType, PickType } from '@nestjs/graphql';
import { Faq } from '../../faqs/dtos/faq.object';
import { FAQ_SHARED_FIELDS } from '../../faqs/faq.mapper';

@ObjectType({
  description:
    'A published FAQ: brand-wide, or one clinic’s own. Text may hold {{tokens}} (see docs/syndication.md).',
})
export class PartnerFaq extends PickType(Faq, FAQ_SHARED_FIELDS) {
  @Field(() => ID, { description: 'The FAQ’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the FAQ.' })
  version: number;

  @Field(() => ID, { nullable: true, description: 'The clinic of a CLINIC FAQ; null for BRAND.' })
  clinicId: string | null;

  // Not Faq's: partners get the text as written, tokens unrendered.
  @Field({ description: 'The question; may hold {{tokens}}.' })
  question: string;

  @Field(() => Int, { description: 'Sort key within the brand’s (or the clinic’s) FAQs.' })
  position: number;

  @Field(() => [ID], { description: 'Published treatments the FAQ is about.' })
  treatmentIds: string[];
}
