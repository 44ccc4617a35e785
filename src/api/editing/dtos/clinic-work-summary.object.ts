import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What waits for an editor at a clinic (its working copy).' })
export class ClinicWorkSummary {
  @Field(() => Int, {
    description:
      'Unpublished drafts placed at this clinic (the clinic, its offers, prices, FAQs, overrides).',
  })
  draftCount: number;

  @Field(() => Int, {
    description:
      'Overrides of the treatments offered here whose brand value changed since they were written.',
  })
  staleOverrideCount: number;

  @Field(() => Int, {
    description: 'CLINIC_REQUIRED fields of the treatments offered here that have no local value.',
  })
  missingRequiredCount: number;
}
