import { TREATMENT_OVERRIDABLE_FIELDS } from '../treatments/treatment.content-type';
import {
  isOverridableField,
  overridableFields,
  overrideValueProblems,
  type OverridableType,
} from './override-values';

const problems = (type: OverridableType, field: string, value: unknown) =>
  overrideValueProblems(type, field, value).map((p) => `${p.path}: ${p.rule}`);

describe('override value shapes', () => {
  it('covers exactly the fields delivery resolves', () => {
    expect(overridableFields('TREATMENT')).toEqual([...TREATMENT_OVERRIDABLE_FIELDS]);
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

  it.each([
    ['TREATMENT', 'summary', 42, 'value: must be a string'],
    ['TREATMENT', 'summary', 'x'.repeat(20_001), 'value: must be at most 20000 characters'],
    ['TREATMENT', 'name', '', 'value: must not be empty'],
    ['TREATMENT', 'aliases', 'CIT', 'value: must be a list'],
    ['TREATMENT', 'aliases', ['ok', 7], 'value.1: must be a string'],
    ['TREATMENT', 'aliases', Array(21).fill('a'), 'value: must have at most 20 items'],
    [
      'TREATMENT',
      'sections',
      [{ key: 'Bad Key', heading: 'h', body: 'b' }],
      'value.0.key: must be lower-case words joined by hyphens',
    ],
    ['TREATMENT', 'sections', [{ key: 'a', heading: 'h' }], 'value.0.body: is required'],
    [
      'TREATMENT',
      'sections',
      [{ key: 'a', heading: 'h', body: 'b', colour: 'red' }],
      'value.0.colour: is not a known property',
    ],
    [
      'TREATMENT',
      'sections',
      [
        { key: 'a', heading: 'h', body: 'b' },
        { key: 'a', heading: 'h2', body: 'b2' },
      ],
      'value.1.key: repeats "a"',
    ],
    ['TREATMENT', 'facts', [], 'value: must be an object'],
    [
      'TREATMENT',
      'facts',
      { sessions: { min: 6, max: 3 } },
      'value.sessions.max: must not be less than min',
    ],
    [
      'TREATMENT',
      'facts',
      { sessions: { min: 1.5, max: 3 } },
      'value.sessions.min: must be an integer',
    ],
    [
      'TREATMENT',
      'facts',
      { sessions: { min: -1, max: 3 } },
      'value.sessions.min: must be between 0 and 10000',
    ],
    [
      'TREATMENT',
      'facts',
      { downtime: { min: 1, max: 3 } },
      'value.downtime: is not a known property',
    ],
    ['TREATMENT', 'disclaimer', null, 'value: must be a string'],
    ['FAQ', 'position', '3', 'value: must be an integer'],
    ['FAQ', 'position', 2_000_000, 'value: must be between -1000000 and 1000000'],
    ['FAQ', 'hidden', 'yes', 'value: must be true or false'],
    ['FAQ', 'question', 'x'.repeat(501), 'value: must be at most 500 characters'],
  ] as const)('refuses %s.%s = %j: %s', (type, field, value, expected) => {
    expect(problems(type, field, value)).toEqual([expected]);
  });

  it('reports every problem, each with its path', () => {
    expect(problems('TREATMENT', 'sections', [{ key: 1, heading: '', body: 'b' }, 'x'])).toEqual([
      'value.0.key: must be a string',
      'value.0.heading: must not be empty',
      'value.1: must be an object',
    ]);
  });
});
