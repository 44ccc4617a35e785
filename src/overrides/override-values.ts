import { plainToInstance } from 'class-transformer';
import { IsBoolean, ValidateIf, validateSync } from 'class-validator';
import { describeValidationErrors } from '../common/validation.pipe';
import { FaqFieldsInput } from '../faqs/dtos/faq.inputs';
import { TreatmentFieldsInput } from '../treatments/dtos/treatment.inputs';
import { TREATMENT_OVERRIDABLE_FIELDS } from '../treatments/treatment.content-type';

/**
 * What an override's JSON value must look like, per entity type and field.
 * Delivery trusts override values to have their field's shape, so they are
 * checked at save time by the very input classes brand edits go through:
 * a local value obeys the same rules (and says so in the same words) as
 * the brand's.
 */

/** A brand FAQ's fields a region or clinic sets: its text and place, and whether it shows. */
class FaqOverrideValues extends FaqFieldsInput {
  @ValidateIf((input: FaqOverrideValues) => input.hidden !== undefined)
  @IsBoolean()
  hidden?: boolean;
}

const OVERRIDES = {
  TREATMENT: { input: TreatmentFieldsInput, fields: TREATMENT_OVERRIDABLE_FIELDS },
  /** The FAQ fields resolve-faq-list applies: text, place in the list, hidden. */
  FAQ: { input: FaqOverrideValues, fields: ['question', 'answer', 'position', 'hidden'] },
} as const;

/**
 * Entity types whose fields can be overridden. PROVIDER is left out on
 * purpose: delivery does not resolve provider overrides (yet), so one would
 * be stored but never shown.
 */
export type OverridableType = keyof typeof OVERRIDES;

export interface ShapeProblem {
  /** Where in the value, e.g. "value.0.key". */
  path: string;
  rule: string;
}

/** The fields of a type that regions and clinics may override (and the brand may set policies on). */
export function overridableFields(type: OverridableType): string[] {
  return [...OVERRIDES[type].fields];
}

export function isOverridableField(type: OverridableType, field: string): boolean {
  return (OVERRIDES[type].fields as readonly string[]).includes(field);
}

/** Every way `value` breaks the rules of `type`.`field` (empty when it fits). */
export function overrideValueProblems(
  type: OverridableType,
  field: string,
  value: unknown,
): ShapeProblem[] {
  if (!isOverridableField(type, field)) {
    return [{ path: 'field', rule: `is not an overridable field of ${type}` }];
  }
  // An edit's null clears a field; a local value of nothing is no value.
  if (value === null)
    return [{ path: 'value', rule: 'cannot be null: clear the override instead' }];
  const input = plainToInstance<object, object>(OVERRIDES[type].input, { [field]: value });
  const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
  return describeValidationErrors(errors).map(({ path, rule }) => ({
    path: `value${path.slice(field.length)}`,
    rule,
  }));
}
