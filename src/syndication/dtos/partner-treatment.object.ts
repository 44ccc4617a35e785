import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TreatmentFacts } from '../../treatments/dtos/treatment.object';

@ObjectType({
  description:
    'A published treatment’s brand facts, as partners copy them. Text may hold {{tokens}} (see docs/syndication.md).',
})
export class PartnerTreatment {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the treatment.' })
  version: number;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => [String])
  aliases: string[];

  @Field({ description: 'Markdown.' })
  summary: string;

  @Field(() => TreatmentFacts)
  facts: TreatmentFacts;

  @Field(() => [String])
  aftercare: string[];

  @Field(() => [String])
  contraindications: string[];

  @Field(() => [String], { description: 'Names of treatments it combines with.' })
  combinesWith: string[];

  @Field()
  updatedAt: Date;
}
