import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TreatmentFacts } from '../../treatments/dtos/treatment.object';

@ObjectType({
  description:
    'A published treatment’s brand facts, as partners copy them. Text may hold {{tokens}} (see docs/syndication.md).',
})
export class PartnerTreatment {
  @Field(() => ID, { description: 'The treatment’s id.' })
  id: string;

  @Field(() => Int, { description: 'Grows with every published change of the treatment.' })
  version: number;

  @Field({ description: 'Unique in the brand.' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [String], { description: 'Other names people search for.' })
  aliases: string[];

  @Field({ description: 'Markdown.' })
  summary: string;

  @Field(() => TreatmentFacts, { description: 'Duration, recovery, sessions and maintenance.' })
  facts: TreatmentFacts;

  @Field(() => [String], { description: 'Aftercare instructions.' })
  aftercare: string[];

  @Field(() => [String], { description: 'Conditions under which it is not advised.' })
  contraindications: string[];

  @Field(() => [String], { description: 'Names of treatments it combines with.' })
  combinesWith: string[];

  @Field({ description: 'When the treatment last changed.' })
  updatedAt: Date;
}
