// ISO weeks as the retrospective names them: the Monday, YYYY-MM-DD, in UTC (the API's weeks).

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(dayMs(value)) && dateOf(dayMs(value)) === value;
}

export function isMonday(value: string): boolean {
  return isDay(value) && new Date(dayMs(value)).getUTCDay() === 1;
}

/** The Monday of the ISO week holding a day. */
export function mondayOf(day: string): string {
  const t = dayMs(day);
  const sinceMonday = (new Date(t).getUTCDay() + 6) % 7;
  return dateOf(t - sinceMonday * DAY_MS);
}

export function addWeeks(monday: string, weeks: number): string {
  return dateOf(dayMs(monday) + weeks * WEEK_MS);
}

/** The Sunday that ends the week. */
export function weekLastDay(monday: string): string {
  return dateOf(dayMs(monday) + 6 * DAY_MS);
}

/**
 * The last ISO week wholly inside the data, as the server picks its default week: the Monday of
 * the week holding the last instant of data, or the week before when that week is not over.
 */
export function lastCompleteWeek(dataTo: string): string {
  // dataTo is the exclusive end of the data, on a whole hour.
  const end = Math.ceil(Date.parse(dataTo) / 3_600_000) * 3_600_000;
  let monday = dayMs(mondayOf(dateOf(end - 1)));
  if (monday + WEEK_MS > end) monday -= WEEK_MS;
  return dateOf(monday);
}

/** The ISO week number (week 1 holds the year's first Thursday) and the year it belongs to. */
export function isoWeek(monday: string): { year: number; week: number } {
  const thursday = new Date(dayMs(monday) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return { year, week };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Week 46 · Mon 9 – Sun 15 Nov 2026" (or "Mon 28 Dec 2026 – Sun 3 Jan 2027" across a year). */
export function weekLabel(monday: string): string {
  const a = new Date(dayMs(monday));
  const b = new Date(dayMs(weekLastDay(monday)));
  const { week } = isoWeek(monday);
  const month = (d: Date) => MONTHS[d.getUTCMonth()]!;
  let first = `Mon ${a.getUTCDate()}`;
  if (a.getUTCFullYear() !== b.getUTCFullYear()) first += ` ${month(a)} ${a.getUTCFullYear()}`;
  else if (a.getUTCMonth() !== b.getUTCMonth()) first += ` ${month(a)}`;
  return `Week ${week} · ${first} – Sun ${b.getUTCDate()} ${month(b)} ${b.getUTCFullYear()}`;
}
