import { Field, ID, Int, ObjectType, PickType } from '@nestjs/graphql';
import { Treatment } from '../../treatments/dtos/treatment.object';
import { TREATMENT_SHARED_FIELDS } from '../../treatments/treatment.mapper';

@ObjectType({
  description:
    'A published treatment’s brand facts, as partners copy them. Text may hold {{tokens}} (see docs/syndication.md).',
})
export class PartnerTreatment extends PickType(Treatment, TREATMENT_SHARED_FIELDS) {
  @Field(() => ID, { description: 'The treatment’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the treatment.' })
  version: number;

  // Not Treatment's: partners get no summaryHtml to point to.
  @Field({ description: 'Markdown.' })
  summary: string;
}
