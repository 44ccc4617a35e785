import { OpeningHoursEntry, Weekday, WEEKDAYS } from './clinic.entity';

/** "HH:MM" on a 24-hour clock, 00:00 to 23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One broken rule, naming the entry at fault (`hours.2`) or its field (`hours.2.closes`). */
export interface OpeningHoursProblem {
  path: string;
  rule: string;
}

/**
 * The rules a week of opening hours must keep, on top of each entry's own
 * format: a known day, times "HH:MM" (00:00–23:59), opening before closing
 * (no interval across midnight), and no two intervals of the same day
 * overlapping (touching, e.g. 09:00–12:00 and 12:00–18:00, is fine). Pure:
 * `field` prefixes the paths, e.g. "hours" → "hours.3".
 */
export function openingHoursProblems(
  hours: readonly OpeningHoursEntry[],
  field = 'hours',
): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  const valid: { index: number; entry: OpeningHoursEntry }[] = [];
  hours.forEach((entry, index) => {
    const path = `${field}.${index}`;
    const before = problems.length;
    if (!(WEEKDAYS as readonly string[]).includes(entry.day)) {
      problems.push({ path: `${path}.day`, rule: `must be one of ${WEEKDAYS.join(', ')}` });
    }
    for (const key of ['opens', 'closes'] as const) {
      if (typeof entry[key] !== 'string' || !TIME_OF_DAY.test(entry[key])) {
        problems.push({
          path: `${path}.${key}`,
          rule: 'must be a time "HH:MM" from 00:00 to 23:59',
        });
      }
    }
    if (problems.length > before) return;
    if (entry.opens >= entry.closes) {
      problems.push({
        path: `${path}.closes`,
        rule: `must be later than opens (${entry.opens}); intervals may not cross midnight`,
      });
      return;
    }
    // "HH:MM" strings order like the times they name.
    const clash = valid.find(
      (other) =>
        other.entry.day === entry.day &&
        other.entry.opens < entry.closes &&
        entry.opens < other.entry.closes,
    );
    if (clash) {
      problems.push({
        path,
        rule: `${entry.day} ${entry.opens}–${entry.closes} overlaps ${field}.${clash.index} (${clash.entry.opens}–${clash.entry.closes})`,
      });
      return;
    }
    valid.push({ index, entry });
  });
  return problems;
}

/** The week in a stable order: by weekday (Monday first), then opening time. */
export function sortOpeningHours(hours: readonly OpeningHoursEntry[]): OpeningHoursEntry[] {
  const dayIndex = (day: Weekday) => WEEKDAYS.indexOf(day);
  return [...hours]
    .map(({ day, opens, closes }) => ({ day, opens, closes }))
    .sort((a, b) => dayIndex(a.day) - dayIndex(b.day) || a.opens.localeCompare(b.opens));
}
