import type { OpeningHoursEntry } from './clinic.entity';
import { openingHoursProblems, sortOpeningHours } from './opening-hours';

const h = (day: string, opens: string, closes: string) =>
  ({ day, opens, closes }) as OpeningHoursEntry;

describe('openingHoursProblems', () => {
  it('accepts a week with split days and touching intervals', () => {
    expect(
      openingHoursProblems([
        h('MONDAY', '09:00', '12:00'),
        h('MONDAY', '12:00', '18:00'),
        h('TUESDAY', '00:00', '23:59'),
        h('SATURDAY', '10:00', '15:00'),
      ]),
    ).toEqual([]);
  });

  it('accepts an empty week', () => {
    expect(openingHoursProblems([])).toEqual([]);
  });

  it.each([['24:00'], ['9:00'], ['09:60'], ['0900'], [' 09:00'], ['']])(
    'refuses the time %j, naming the field',
    (time) => {
      expect(openingHoursProblems([h('MONDAY', time, '18:00')])).toEqual([
        { path: 'hours.0.opens', rule: 'must be a time "HH:MM" from 00:00 to 23:59' },
      ]);
    },
  );

  it('refuses an unknown day', () => {
    expect(openingHoursProblems([h('FUNDAY', '09:00', '10:00')])[0].path).toBe('hours.0.day');
  });

  it.each([
    ['equal', '09:00', '09:00'],
    ['reversed', '18:00', '09:00'],
    ['across midnight', '22:00', '02:00'],
  ])('refuses opens not before closes (%s)', (_, opens, closes) => {
    const [problem] = openingHoursProblems([
      h('MONDAY', '08:00', '08:30'),
      h('MONDAY', opens, closes),
    ]);
    expect(problem.path).toBe('hours.1.closes');
    expect(problem.rule).toContain('later than opens');
  });

  it.each([
    ['inside', '10:00', '11:00'],
    ['straddling the start', '08:00', '09:30'],
    ['straddling the end', '17:00', '19:00'],
    ['covering', '08:00', '19:00'],
    ['identical', '09:00', '18:00'],
  ])(
    'refuses intervals of the same day that overlap (%s), naming the later entry',
    (_, opens, closes) => {
      const problems = openingHoursProblems([
        h('MONDAY', '09:00', '18:00'),
        h('TUESDAY', opens, closes),
        h('MONDAY', opens, closes),
      ]);
      expect(problems).toHaveLength(1);
      expect(problems[0].path).toBe('hours.2');
      expect(problems[0].rule).toContain('overlaps hours.0');
    },
  );

  it('uses the given field name in paths', () => {
    expect(openingHoursProblems([h('MONDAY', '10:00', '09:00')], 'openingHours')[0].path).toBe(
      'openingHours.0.closes',
    );
  });
});

describe('sortOpeningHours', () => {
  it('orders by weekday, then opening time, and drops extra properties', () => {
    const extra = { ...h('MONDAY', '13:00', '18:00'), note: 'x' } as OpeningHoursEntry;
    expect(
      sortOpeningHours([h('SUNDAY', '10:00', '12:00'), extra, h('MONDAY', '08:00', '12:00')]),
    ).toEqual([
      h('MONDAY', '08:00', '12:00'),
      h('MONDAY', '13:00', '18:00'),
      h('SUNDAY', '10:00', '12:00'),
    ]);
  });
});
