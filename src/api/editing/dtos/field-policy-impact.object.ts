import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, Matches, MaxLength } from 'class-validator';
import { FieldPolicyName, OverridableTypeName } from '../../../overrides/dtos/override.inputs';
import { EditableItem } from '../../../editing/dtos/editable-item.object';

@ArgsType()
export class FieldPolicyImpactArgs {
  @Field(() => OverridableTypeName, { description: 'The kind of item.' })
  @IsEnum(OverridableTypeName)
  entityType: OverridableTypeName;

  @Field({ description: 'An overridable field of the type. At most 100 characters.' })
  @MaxLength(100)
  @Matches(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: 'field must be a field name such as "summary"' })
  field: string;

  @Field(() => FieldPolicyName, { description: 'The policy you consider setting.' })
  @IsEnum(FieldPolicyName)
  policy: FieldPolicyName;
}

@ArgsType()
export class FieldPolicySettingsArgs {
  @Field(() => OverridableTypeName, { description: 'The kind of item.' })
  @IsEnum(OverridableTypeName)
  entityType: OverridableTypeName;
}

@ObjectType({
  description:
    'What setting a field’s policy would do to existing overrides and required values, counted before it is saved (overrides as drafts stand; the policy in force is the published one).',
})
export class FieldPolicyImpact {
  @Field(() => OverridableTypeName, { description: 'The kind of item.' })
  entityType: OverridableTypeName;

  @Field({ description: 'The field.' })
  field: string;

  @Field(() => FieldPolicyName, { description: 'The published policy (INHERITABLE without one).' })
  currentPolicy: FieldPolicyName;

  @Field(() => FieldPolicyName, { description: 'The policy asked about.' })
  proposedPolicy: FieldPolicyName;

  @Field(() => Int, { description: 'Clinic overrides of the field today.' })
  clinicOverrides: number;

  @Field(() => Int, { description: 'Region overrides of the field today.' })
  regionOverrides: number;

  @Field(() => Int, {
    description: 'Clinic overrides delivery would stop showing (the field becomes LOCKED).',
  })
  hiddenClinicOverrides: number;

  @Field(() => Int, {
    description: 'Region overrides delivery would stop showing (the field becomes LOCKED).',
  })
  hiddenRegionOverrides: number;

  @Field(() => Int, {
    description: 'Clinic overrides delivery would show again (the field is LOCKED today).',
  })
  revealedClinicOverrides: number;

  @Field(() => Int, {
    description: 'Region overrides delivery would show again (the field is LOCKED today).',
  })
  revealedRegionOverrides: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Under the proposed policy, clinics offering a treatment with no local value of the field (set neither by the clinic nor its region); 0 unless CLINIC_REQUIRED; null for FAQ fields, whose missing values are not reported.',
  })
  clinicsMissingValue: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The same as treatment pages (clinic × treatment offered) missing a value; null for FAQ fields.',
  })
  pagesMissingValue: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Clinics missing a value today that would no longer be reported (the field stops being CLINIC_REQUIRED); null for FAQ fields.',
  })
  clinicsNoLongerMissing: number | null;
}

@ObjectType({ description: 'One overridable field with the brand’s policy for it.' })
export class FieldPolicySetting {
  @Field(() => OverridableTypeName, { description: 'The kind of item.' })
  entityType: OverridableTypeName;

  @Field({ description: 'The overridable field.' })
  field: string;

  @Field(() => FieldPolicyName, {
    description: 'The policy in force (published; INHERITABLE when the field has none).',
  })
  policy: FieldPolicyName;

  @Field(() => EditableItem, {
    nullable: true,
    description:
      'The policy item with its draft, version and the caller’s rights; null when the field never had one (setFieldPolicy without a version creates it).',
  })
  item: EditableItem | null;
}
