import type { Grain } from '../generated/graphql';
import { UTC, wallTime } from './zones';

// Built by hand rather than with Intl's date styles so labels read the same in every locale;
// the wall-clock fields come from the zone the figures were bucketed in.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad2 = (n: number) => String(n).padStart(2, '0');

function parts(iso: string | Date, zone: string) {
  const w = wallTime(typeof iso === 'string' ? new Date(iso) : iso, zone);
  return {
    year: w.year,
    month: MONTHS[w.month - 1] ?? '',
    day: w.day,
    weekday: WEEKDAYS[w.weekday] ?? '',
    time: `${pad2(w.hour)}:${pad2(w.minute)}`,
    midnight: w.hour === 0 && w.minute === 0,
  };
}

/** Short axis label of a bucket start: "16 Nov 14:00" (hour), "16 Nov" (day, week) or "Nov 2026" (month). */
export function bucketAxisLabel(iso: string, grain: Grain, zone: string = UTC): string {
  const p = parts(iso, zone);
  if (grain === 'MONTH') return `${p.month} ${p.year}`;
  return grain === 'HOUR' ? `${p.day} ${p.month} ${p.time}` : `${p.day} ${p.month}`;
}

/** Unambiguous bucket name for tooltips: "Mon 16 Nov 2026, 14:00 UTC", "Week of Mon 16 Nov 2026". */
export function bucketTitle(iso: string, grain: Grain, zone: string = UTC): string {
  const p = parts(iso, zone);
  const date = `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  if (grain === 'HOUR') return `${date}, ${p.time} ${zone}`;
  if (grain === 'WEEK') return `Week of ${date}`;
  if (grain === 'MONTH') return `${p.month} ${p.year}`;
  return date;
}

/** "16 Nov 2026" or, with time, "16 Nov 2026 14:00 UTC". */
export function formatDate(t: string | Date, withTime = false, zone: string = UTC): string {
  const p = parts(t, zone);
  const date = `${p.day} ${p.month} ${p.year}`;
  return withTime ? `${date} ${p.time} ${zone}` : date;
}

/** "Tue 10 Nov 08:00" or "Tue 10 Nov" at midnight: when something started, in the zone shown. */
export function formatMoment(t: string | Date, zone: string = UTC): string {
  const p = parts(t, zone);
  return `${p.weekday} ${p.day} ${p.month}${p.midnight ? '' : ` ${p.time}`}`;
}

/**
 * A half-open range as people say it, without the time zone: [10 Nov, 17 Nov) at day grain reads
 * "10 Nov – 16 Nov 2026" (the last day included); hourly ranges read as times, "15 Nov 18:00 – 16 Nov 2026 18:00".
 * Without a grain (not known before the server answers), a range between two midnights reads as
 * days and any other as times.
 */
export function formatRange(from: string, to: string, grain: Grain | null, zone: string = UTC): string {
  const s = parts(from, zone);
  const e = parts(to, zone);
  const asTimes = grain === null ? !(s.midnight && e.midnight) : grain === 'HOUR';
  if (asTimes) {
    const startDate = s.year === e.year ? `${s.day} ${s.month}` : `${s.day} ${s.month} ${s.year}`;
    return `${startDate} ${s.time} – ${e.day} ${e.month} ${e.year} ${e.time}`;
  }
  const last = parts(new Date(Date.parse(to) - 1), zone);
  const startText = s.year === last.year ? `${s.day} ${s.month}` : `${s.day} ${s.month} ${s.year}`;
  return `${startText} – ${last.day} ${last.month} ${last.year}`;
}
