import {
  isOverridableField,
  overridableFields,
  overrideValueProblems,
  type OverridableType,
} from './override-values';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describeValidationErrors } from '../common/validation.pipe';
import { UpdateTreatmentInput } from '../treatments/dtos/treatment.inputs';

const problems = (type: OverridableType, field: string, value: unknown) =>
  overrideValueProblems(type, field, value).map((p) => `${p.path}: ${p.rule}`);

describe('override value shapes', () => {
  it('covers the FAQ fields resolve-faq-list applies', () => {
    expect(overridableFields('FAQ')).toEqual(['question', 'answer', 'position', 'hidden']);
  });

  it('knows no other fields, not even inherited object properties', () => {
    expect(isOverridableField('TREATMENT', 'slug')).toBe(false);
    expect(isOverridableField('FAQ', 'toString')).toBe(false);
    expect(problems('TREATMENT', 'slug', 'x')).toEqual([
      'field: is not an overridable field of TREATMENT',
    ]);
  });

  it.each([
    ['TREATMENT', 'summary', 'Local *summary* at {{clinic.name}}'],
    ['TREATMENT', 'summary', ''],
    ['TREATMENT', 'name', 'Collagen induction'],
    ['TREATMENT', 'aliases', ['CIT', 'Skin needling']],
    ['TREATMENT', 'aliases', []],
    ['TREATMENT', 'sections', [{ key: 'local-offer', heading: 'Offer', body: 'Body' }]],
    ['TREATMENT', 'facts', {}],
    ['TREATMENT', 'facts', { sessions: { min: 3, max: 6 }, recoveryDays: null }],
    ['TREATMENT', 'disclaimer', 'Performed under medical supervision.'],
    ['FAQ', 'question', 'Is it safe?'],
    ['FAQ', 'answer', 'Yes.'],
    ['FAQ', 'position', -1],
    ['FAQ', 'hidden', true],
  ] as const)('accepts %s.%s = %j', (type, field, value) => {
    expect(problems(type, field, value)).toEqual([]);
  });

  // The words are the edit inputs' own: a local value breaks a rule exactly as a brand edit would.
  it.each([
    ['TREATMENT', 'summary', 42, 'value: must be a string'],
    [
      'TREATMENT',
      'summary',
      'x'.repeat(20_001),
      'value: must be shorter than or equal to 20000 characters',
    ],
    ['TREATMENT', 'name', '', 'value: must be longer than or equal to 1 characters'],
    ['TREATMENT', 'aliases', 'CIT', 'value: must be an array'],
    ['TREATMENT', 'aliases', ['ok', 7], 'value: each value in aliases must be a string'],
    ['TREATMENT', 'aliases', Array(21).fill('a'), 'value: must contain no more than 20 elements'],
    [
      'TREATMENT',
      'sections',
      [{ key: 'Bad Key', heading: 'h', body: 'b' }],
      'value.0.key: must be lower-case words joined by hyphens',
    ],
    ['TREATMENT', 'sections', [{ key: 'a', heading: 'h' }], 'value.0.body: must be a string'],
    [
      'TREATMENT',
      'sections',
      [{ key: 'a', heading: 'h', body: 'b', colour: 'red' }],
      'value.0.colour: property colour should not exist',
    ],
    [
      'TREATMENT',
      'sections',
      [
        { key: 'a', heading: 'h', body: 'b' },
        { key: 'a', heading: 'h2', body: 'b2' },
      ],
      'value: must not repeat a key',
    ],
    [
      'TREATMENT',
      'sections',
      ['x'],
      'value.0: each value in nested property sections must be either object or array',
    ],
    ['TREATMENT', 'facts', [], 'value: must be an object'],
    [
      'TREATMENT',
      'facts',
      { sessions: { min: 6, max: 3 } },
      'value.sessions.max: min must not be greater than max',
    ],
    [
      'TREATMENT',
      'facts',
      { sessions: { min: 1.5, max: 3 } },
      'value.sessions.min: must be an integer number',
    ],
    [
      'TREATMENT',
      'facts',
      { sessions: { min: -1, max: 3 } },
      'value.sessions.min: must not be less than 0',
    ],
    [
      'TREATMENT',
      'facts',
      { downtime: { min: 1, max: 3 } },
      'value.downtime: property downtime should not exist',
    ],
    ['TREATMENT', 'disclaimer', null, 'value: cannot be null: clear the override instead'],
    ['FAQ', 'answer', '', 'value: must be longer than or equal to 1 characters'],
    ['FAQ', 'position', '3', 'value: must be an integer number'],
    ['FAQ', 'position', 2_000_000, 'value: must not be greater than 1000000'],
    ['FAQ', 'hidden', 'yes', 'value: must be a boolean value'],
    ['FAQ', 'question', 'x'.repeat(501), 'value: must be shorter than or equal to 500 characters'],
  ] as const)('refuses %s.%s = %j: %s', (type, field, value, expected) => {
    expect(problems(type, field, value)).toContain(expected);
  });

  it('says the same as a brand edit of the field', () => {
    const edit = validateSync(
      plainToInstance(UpdateTreatmentInput, {
        id: '0b6c6f3e-8d2a-4c55-9f0e-2d7a1c3b4e5f',
        version: 1,
        name: 'x'.repeat(201),
      }),
    );
    expect(describeValidationErrors(edit).map((p) => p.rule)).toEqual(
      overrideValueProblems('TREATMENT', 'name', 'x'.repeat(201)).map((p) => p.rule),
    );
  });
});
