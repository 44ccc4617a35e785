import { TZDate } from '@date-fns/tz';

/**
 * Times on a clinic's clock: what an editor types and reads is local to the
 * clinic's time zone (IANA name), whatever the browser's zone is.
 */

/** "2031-01-15" + "09:30" in a time zone → the instant, as ISO 8601 in UTC. */
export function instantIn(timezone: string, date: string, time: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const local = new TZDate(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
    0,
    timezone,
  );
  return new Date(local.getTime()).toISOString();
}

/** An instant as the clinic's clock shows it, e.g. "Jan 15, 2031, 9:30 AM". */
export const inZone = (timezone: string, instant: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(instant));

/** An instant on the editor's own clock (admin screens: no clinic's zone applies). */
export const onThisClock = (instant: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(instant),
  );
