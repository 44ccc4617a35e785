import type { TREATMENT_OVERRIDABLE_FIELDS } from '../treatments/treatment.content-type';
import { SLUG_PATTERN } from '../editing/input-validators';

/**
 * What an override's JSON value must look like, per entity type and field.
 * Delivery trusts override values to have their field's shape, so they are
 * checked here, at save time, with the same limits as the brand's inputs.
 * Pure: unit tested in override-values.spec.ts.
 */
export type ValueShape =
  | { kind: 'string'; min?: number; max: number; pattern?: RegExp; patternRule?: string }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'list'; of: ValueShape; max: number; uniqueKey?: string }
  | {
      kind: 'object';
      fields: Record<string, ValueShape>;
      /** Properties that may be absent or null (the rest are required). */
      optional?: string[];
      check?: ObjectCheck;
    };

type ObjectCheck = (value: Record<string, unknown>) => { path: string; rule: string } | null;

export interface ShapeProblem {
  /** Where in the value, e.g. "value.sections.0.key". */
  path: string;
  rule: string;
}

const MAX_TEXT = 20_000;

const text = (max: number, min = 0): ValueShape => ({ kind: 'string', min, max });
const texts = (maxItems: number, maxLength: number): ValueShape => ({
  kind: 'list',
  of: text(maxLength),
  max: maxItems,
});
const range: ValueShape = {
  kind: 'object',
  fields: {
    min: { kind: 'integer', min: 0, max: 10_000 },
    max: { kind: 'integer', min: 0, max: 10_000 },
  },
  check: (r) =>
    typeof r.min === 'number' && typeof r.max === 'number' && r.min > r.max
      ? { path: 'max', rule: 'must not be less than min' }
      : null,
};

const TREATMENT_SHAPES: Record<(typeof TREATMENT_OVERRIDABLE_FIELDS)[number], ValueShape> = {
  name: text(200, 1),
  aliases: texts(20, 200),
  summary: text(MAX_TEXT),
  sections: {
    kind: 'list',
    max: 50,
    uniqueKey: 'key',
    of: {
      kind: 'object',
      fields: {
        key: {
          kind: 'string',
          min: 1,
          max: 100,
          pattern: SLUG_PATTERN,
          patternRule: 'must be lower-case words joined by hyphens',
        },
        heading: text(200, 1),
        body: text(MAX_TEXT),
      },
    },
  },
  facts: {
    kind: 'object',
    fields: {
      durationMinutes: range,
      recoveryDays: range,
      sessions: range,
      sessionIntervalWeeks: range,
      maintenancePerYear: range,
    },
    optional: [
      'durationMinutes',
      'recoveryDays',
      'sessions',
      'sessionIntervalWeeks',
      'maintenancePerYear',
    ],
  },
  aftercare: texts(50, 1000),
  contraindications: texts(50, 1000),
  combinesWith: texts(50, 200),
  disclaimer: text(MAX_TEXT),
};

/** The FAQ fields resolve-faq-list applies: text, place in the list, hidden. */
const FAQ_SHAPES = {
  question: text(500, 1),
  answer: text(MAX_TEXT),
  position: { kind: 'integer', min: -1_000_000, max: 1_000_000 },
  hidden: { kind: 'boolean' },
} satisfies Record<string, ValueShape>;

/**
 * Entity types whose fields can be overridden. PROVIDER is left out on
 * purpose: delivery does not resolve provider overrides (yet), so one would
 * be stored but never shown.
 */
export const OVERRIDE_SHAPES = {
  TREATMENT: TREATMENT_SHAPES,
  FAQ: FAQ_SHAPES,
} as const satisfies Record<string, Record<string, ValueShape>>;

export type OverridableType = keyof typeof OVERRIDE_SHAPES;

/** The fields of a type that regions and clinics may override (and the brand may set policies on). */
export function overridableFields(type: OverridableType): string[] {
  return Object.keys(OVERRIDE_SHAPES[type]);
}

export function isOverridableField(type: OverridableType, field: string): boolean {
  return Object.hasOwn(OVERRIDE_SHAPES[type], field);
}

/** Every way `value` breaks the shape of `type`.`field` (empty when it fits). */
export function overrideValueProblems(
  type: OverridableType,
  field: string,
  value: unknown,
  path = 'value',
): ShapeProblem[] {
  const shapes: Record<string, ValueShape> = OVERRIDE_SHAPES[type];
  if (!isOverridableField(type, field)) {
    return [{ path: 'field', rule: `is not an overridable field of ${type}` }];
  }
  return shapeProblems(shapes[field], value, path);
}

export function shapeProblems(shape: ValueShape, value: unknown, path: string): ShapeProblem[] {
  const problem = (rule: string, at = path) => [{ path: at, rule }];
  switch (shape.kind) {
    case 'string': {
      if (typeof value !== 'string') return problem('must be a string');
      if (value.length < (shape.min ?? 0)) {
        return problem(
          shape.min === 1 ? 'must not be empty' : `must be at least ${shape.min} characters`,
        );
      }
      if (value.length > shape.max) return problem(`must be at most ${shape.max} characters`);
      if (shape.pattern && !shape.pattern.test(value)) {
        return problem(shape.patternRule ?? `must match ${shape.pattern}`);
      }
      return [];
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return problem('must be an integer');
      if (value < shape.min || value > shape.max) {
        return problem(`must be between ${shape.min} and ${shape.max}`);
      }
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : problem('must be true or false');
    case 'list': {
      if (!Array.isArray(value)) return problem('must be a list');
      if (value.length > shape.max) return problem(`must have at most ${shape.max} items`);
      const problems = value.flatMap((item, i) => shapeProblems(shape.of, item, `${path}.${i}`));
      if (problems.length || !shape.uniqueKey) return problems;
      const key = shape.uniqueKey;
      const seen = new Set<unknown>();
      return value.flatMap((item: Record<string, unknown>, i) => {
        if (!seen.has(item[key])) {
          seen.add(item[key]);
          return [];
        }
        return problem(`repeats ${JSON.stringify(item[key])}`, `${path}.${i}.${key}`);
      });
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return problem('must be an object');
      }
      const record = value as Record<string, unknown>;
      const problems: ShapeProblem[] = Object.keys(record)
        .filter((key) => !Object.hasOwn(shape.fields, key))
        .map((key) => ({ path: `${path}.${key}`, rule: 'is not a known property' }));
      for (const [key, fieldShape] of Object.entries(shape.fields)) {
        const optional = shape.optional?.includes(key) ?? false;
        if (record[key] === undefined || (optional && record[key] === null)) {
          if (!optional) problems.push({ path: `${path}.${key}`, rule: 'is required' });
          continue;
        }
        problems.push(...shapeProblems(fieldShape, record[key], `${path}.${key}`));
      }
      const broken = problems.length === 0 ? shape.check?.(record) : null;
      if (broken) problems.push({ path: `${path}.${broken.path}`, rule: broken.rule });
      return problems;
    }
  }
}
