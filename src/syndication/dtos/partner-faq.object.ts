import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FaqScope } from '../../faqs/dtos/faq.object';

@ObjectType({
  description:
    'A published FAQ: brand-wide, or one clinic’s own. Text may hold {{tokens}} (see docs/syndication.md).',
})
export class PartnerFaq {
  @Field(() => ID, { description: 'The FAQ’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the FAQ.' })
  version: number;

  @Field(() => FaqScope, { description: 'Brand-wide or one clinic’s own.' })
  scope: FaqScope;

  @Field(() => ID, { nullable: true, description: 'The clinic of a CLINIC FAQ; null for BRAND.' })
  clinicId: string | null;

  @Field({ description: 'The question; may hold {{tokens}}.' })
  question: string;

  @Field({ description: 'Markdown.' })
  answer: string;

  @Field(() => Int, { description: 'Sort key within the brand’s (or the clinic’s) FAQs.' })
  position: number;

  @Field(() => [ID], { description: 'Published treatments the FAQ is about.' })
  treatmentIds: string[];

  @Field({ description: 'When the FAQ last changed.' })
  updatedAt: Date;
}
