import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { OverrideLevel } from '../../overrides/dtos/override.inputs';
import { EditableItem } from '../../editing/dtos/editable-item.object';
import { ConnectionType } from '../../graphql/connection';

export enum DriftKindName {
  STALE = 'STALE',
  MISSING = 'MISSING',
}
registerEnumType(DriftKindName, {
  name: 'DriftKind',
  description: 'Why a place is in the drift report.',
  valuesMap: {
    STALE: {
      description: 'Its override was written against a brand value that has changed since.',
    },
    MISSING: {
      description: 'A CLINIC_REQUIRED field that neither the clinic nor its region sets.',
    },
  },
});

@ObjectType({ description: 'A clinic, region or treatment named in a drift row.' })
export class DriftPlace {
  @Field(() => ID, { description: 'The item’s id (itemId).' })
  itemId: string;

  @Field({ description: 'Its slug.' })
  slug: string;

  @Field({ description: 'Its display name.' })
  name: string;
}

@ObjectType({
  description:
    'One field of one treatment at one clinic or region that drifts from the brand (the brand’s working copy, drafts applied).',
})
export class DriftRow {
  @Field(() => ID, { description: 'Stable for the same place, treatment, field and kind.' })
  id: string;

  @Field(() => DriftKindName, { description: 'STALE override or MISSING required value.' })
  kind: DriftKindName;

  @Field(() => OverrideLevel, {
    description: 'CLINIC for a clinic’s row, REGION for a region’s own override.',
  })
  scope: OverrideLevel;

  @Field(() => DriftPlace, { nullable: true, description: 'The clinic; null on a region’s row.' })
  clinic: DriftPlace | null;

  @Field(() => DriftPlace, {
    nullable: true,
    description: 'The region (of the clinic, or whose override it is); null for a clinic in none.',
  })
  region: DriftPlace | null;

  @Field(() => DriftPlace, { description: 'The brand treatment.' })
  treatment: DriftPlace;

  @Field({ description: 'The treatment field, e.g. "disclaimer".' })
  field: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The brand’s current value of the field (Markdown and tokens as written).',
  })
  brandValue: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The override’s value (its working copy); null on a MISSING row.',
  })
  value: unknown;

  @Field(() => EditableItem, {
    nullable: true,
    description:
      'The stale override with its version and the caller’s rights (for resetOverrides and markOverridesReviewed); null on a MISSING row.',
  })
  override: EditableItem | null;
}

@ObjectType({ description: 'A page of the drift report.' })
export class DriftRowConnection extends ConnectionType(DriftRow) {}

@ObjectType({ description: 'What the drift report can be filtered by, for the brand.' })
export class DriftFilters {
  @Field(() => [DriftPlace], { description: 'The brand’s regions, by name.' })
  regions: DriftPlace[];

  @Field(() => [DriftPlace], { description: 'The brand’s treatments, by name.' })
  treatments: DriftPlace[];

  @Field(() => [String], { description: 'The treatment fields regions and clinics may override.' })
  fields: string[];
}
