import type { Grain } from '../generated/graphql';

// Built by hand rather than with Intl so labels are always UTC and identical in every locale.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad2 = (n: number) => String(n).padStart(2, '0');

function parts(iso: string | Date) {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return {
    year: d.getUTCFullYear(),
    month: MONTHS[d.getUTCMonth()] ?? '',
    day: d.getUTCDate(),
    weekday: WEEKDAYS[d.getUTCDay()] ?? '',
    time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`,
  };
}

/** Short axis label of a bucket start: "16 Nov 14:00" (hour) or "16 Nov" (day, week). */
export function bucketAxisLabel(iso: string, grain: Grain): string {
  const p = parts(iso);
  return grain === 'HOUR' ? `${p.day} ${p.month} ${p.time}` : `${p.day} ${p.month}`;
}

/** Unambiguous bucket name for tooltips: "Mon 16 Nov 2026, 14:00 UTC", "Week of Mon 16 Nov 2026". */
export function bucketTitle(iso: string, grain: Grain): string {
  const p = parts(iso);
  const date = `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  if (grain === 'HOUR') return `${date}, ${p.time} UTC`;
  if (grain === 'WEEK') return `Week of ${date}`;
  return date;
}

/** "16 Nov 2026" or, with time, "16 Nov 2026 14:00 UTC". */
export function formatUtcDate(t: string | Date, withTime = false): string {
  const p = parts(t);
  const date = `${p.day} ${p.month} ${p.year}`;
  return withTime ? `${date} ${p.time} UTC` : date;
}

/**
 * A half-open range as people say it, without the time zone: [10 Nov, 17 Nov) at day grain reads
 * "10 Nov – 16 Nov 2026" (the last day included); hourly ranges read as times, "15 Nov 18:00 – 16 Nov 2026 18:00".
 * Without a grain (not known before the server answers), a range between two midnights reads as
 * days and any other as times.
 */
export function formatRange(from: string, to: string, grain: Grain | null): string {
  const start = new Date(from);
  const endExclusive = new Date(to);
  const asTimes = grain === null ? !(isMidnight(start) && isMidnight(endExclusive)) : grain === 'HOUR';
  if (asTimes) {
    const s = parts(start);
    const e = parts(endExclusive);
    const startDate = s.year === e.year ? `${s.day} ${s.month}` : `${s.day} ${s.month} ${s.year}`;
    return `${startDate} ${s.time} – ${e.day} ${e.month} ${e.year} ${e.time}`;
  }
  const lastDay = new Date(endExclusive.getTime() - 1);
  const s = parts(start);
  const e = parts(lastDay);
  const startText = s.year === e.year ? `${s.day} ${s.month}` : `${s.day} ${s.month} ${s.year}`;
  return `${startText} – ${e.day} ${e.month} ${e.year}`;
}

const isMidnight = (d: Date) => d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
