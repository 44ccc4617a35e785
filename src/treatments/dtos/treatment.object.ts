import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ClinicRow } from '../../clinics/clinics.service';
import type { ReadMode } from '../../read-mode/read-mode';
import { ITEM_ID_DESCRIPTION, Node, NODE_ID_DESCRIPTION } from '../../graphql/node.interface';

export enum ContentLevel {
  BRAND = 'BRAND',
  REGION = 'REGION',
  CLINIC = 'CLINIC',
}
registerEnumType(ContentLevel, {
  name: 'ContentScope',
  description: 'Where a value comes from: brand default, region or clinic.',
  valuesMap: {
    BRAND: { description: 'The brand’s own value.' },
    REGION: { description: 'An override of the clinic’s region.' },
    CLINIC: { description: 'An override of the clinic itself.' },
  },
});

@ObjectType({ description: 'One titled section of a treatment page.' })
export class TreatmentSection {
  @Field({ description: 'Stable key, e.g. "how-it-works".' })
  key: string;

  @Field({ description: 'Section title.' })
  heading: string;

  @Field({ description: 'Markdown as written.' })
  body: string;

  /**
   * A plain property, not a field resolver: Nest's wrapper made each
   * section's field asynchronous (see deliveredSection).
   */
  @Field({ description: 'Sanitized HTML of the body.' })
  html: string;
}

@ObjectType({ description: 'An inclusive range, e.g. 30–90 minutes.' })
export class FactRange {
  @Field(() => Int, { description: 'Lower bound, inclusive.' })
  min: number;

  @Field(() => Int, { description: 'Upper bound, inclusive.' })
  max: number;
}

@ObjectType({ description: 'Key figures of a treatment, each a range; null when not given.' })
export class TreatmentFacts {
  @Field(() => FactRange, {
    nullable: true,
    description: 'How long one session takes, in minutes.',
  })
  durationMinutes?: FactRange;

  @Field(() => FactRange, { nullable: true, description: 'Days of downtime after a session.' })
  recoveryDays?: FactRange;

  @Field(() => FactRange, { nullable: true, description: 'Sessions usually needed.' })
  sessions?: FactRange;

  @Field(() => FactRange, { nullable: true, description: 'Weeks between sessions.' })
  sessionIntervalWeeks?: FactRange;

  @Field(() => FactRange, { nullable: true, description: 'Maintenance sessions per year.' })
  maintenancePerYear?: FactRange;
}

@ObjectType({ description: 'Which scope a resolved field came from.' })
export class FieldSource {
  @Field({ description: 'Name of the overridable field, e.g. "disclaimer".' })
  field: string;

  @Field(() => ContentLevel, { description: 'The scope whose value is delivered.' })
  scope: ContentLevel;

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

  @Field({ description: 'Unique in the brand, e.g. "micro-needling".' })
  slug: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => [String], { description: 'Other names people search for.' })
  aliases: string[];

  @Field({
    description:
      'Markdown source, not HTML: render it with a Markdown renderer that escapes HTML, or use `summaryHtml`.',
  })
  summary: string;

  @Field(() => [TreatmentSection], { description: 'The page body, in order.' })
  sections: TreatmentSection[];

  @Field(() => TreatmentFacts, { description: 'Duration, recovery, sessions and maintenance.' })
  facts: TreatmentFacts;

  @Field(() => [String], { description: 'Aftercare instructions, one per entry.' })
  aftercare: string[];

  @Field(() => [String], { description: 'Conditions under which the treatment is not advised.' })
  contraindications: string[];

  @Field(() => [String], { description: 'Slugs of treatments that combine well with this one.' })
  combinesWith: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Markdown source, not HTML (a local note, usually set per clinic): use `disclaimerHtml` to show it.',
  })
  disclaimer: string | null;

  @Field(() => [FieldSource], {
    description: 'Where each overridable field came from (brand, region or clinic).',
  })
  fieldSources: FieldSource[];

  @Field({ description: 'When the brand’s treatment last changed.' })
  updatedAt: Date;

  /** Not exposed: the brand, the clinic this answer is resolved for, what it shows. */
  brandId: string;
  clinic: ClinicRow | null;
  mode: ReadMode;
}
