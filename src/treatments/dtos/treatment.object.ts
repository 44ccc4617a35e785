import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ClinicRow } from '../../clinics/clinics.service';
import type { ReadMode } from '../../read-mode/read-mode';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

export enum ContentScope {
  BRAND = 'BRAND',
  REGION = 'REGION',
  CLINIC = 'CLINIC',
}
registerEnumType(ContentScope, {
  name: 'ContentScope',
  description: 'Where a value comes from: brand default, region or clinic.',
});

@ObjectType()
export class TreatmentSection {
  @Field({ description: 'Stable key, e.g. "how-it-works".' })
  key: string;

  @Field()
  heading: string;

  @Field({ description: 'Markdown as written.' })
  body: string;
}

@ObjectType({ description: 'An inclusive range, e.g. 30–90 minutes.' })
export class FactRange {
  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;
}

@ObjectType()
export class TreatmentFacts {
  @Field(() => FactRange, { nullable: true })
  durationMinutes?: FactRange;

  @Field(() => FactRange, { nullable: true })
  recoveryDays?: FactRange;

  @Field(() => FactRange, { nullable: true })
  sessions?: FactRange;

  @Field(() => FactRange, { nullable: true })
  sessionIntervalWeeks?: FactRange;

  @Field(() => FactRange, { nullable: true })
  maintenancePerYear?: FactRange;
}

@ObjectType({ description: 'Which scope a resolved field came from.' })
export class FieldSource {
  @Field()
  field: string;

  @Field(() => ContentScope)
  scope: ContentScope;

  @Field({
    description: 'True when the brand changed this field after the override was written.',
  })
  stale: boolean;

  @Field({
    description:
      'True when the brand requires a local value (CLINIC_REQUIRED) and this clinic has none.',
  })
  missing: boolean;
}

@ObjectType({
  description:
    'A treatment: the brand version, or resolved for one clinic when asked with a clinic.',
  implements: () => [Node],
})
export class Treatment {
  @Field(() => ID, { description: NODE_ID_DESCRIPTION })
  id: string;

  @Field(() => ID, { description: ITEM_ID_DESCRIPTION })
  itemId: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => [String])
  aliases: string[];

  @Field({ description: 'Markdown.' })
  summary: string;

  @Field(() => [TreatmentSection])
  sections: TreatmentSection[];

  @Field(() => TreatmentFacts)
  facts: TreatmentFacts;

  @Field(() => [String])
  aftercare: string[];

  @Field(() => [String])
  contraindications: string[];

  @Field(() => [String])
  combinesWith: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Markdown; a local note, usually set per clinic.',
  })
  disclaimer: string | null;

  @Field(() => [FieldSource])
  fieldSources: FieldSource[];

  @Field()
  updatedAt: Date;

  /** Not exposed: the brand, the clinic this answer is resolved for, what it shows. */
  brandId: string;
  clinic: ClinicRow | null;
  mode: ReadMode;
}
