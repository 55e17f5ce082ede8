// Time ranges and buckets (UTC). Ranges are half-open [from, to); weeks are ISO weeks, months
// calendar months.
import type { Grain } from './vocabulary.generated.js';

export const HOUR_S = 3600;
export const DAY_S = 86_400;
export const WEEK_S = 7 * DAY_S;

/** Grains from finest to coarsest. */
export const GRAINS: readonly Grain[] = ['HOUR', 'DAY', 'WEEK', 'MONTH'];

/**
 * The longest range each grain may cover: keeps a series under ~1,000 points (and a total over a
 * range, which reads days, at the day's limit). Served in the catalogue (Catalogue.grains), so
 * the client's grain picker never offers what the API would refuse.
 */
export const MAX_RANGE_DAYS: Record<Grain, number> = { HOUR: 42, DAY: 1100, WEEK: 5 * 366, MONTH: 80 * 366 };

/** Automatic grain: the finest with at most this many buckets (a week is 7 days, not 168 hours). */
export const AUTO_GRAIN_MAX_BUCKETS = 100;

/** Start of the bucket holding t (seconds). 1970-01-01 was a Thursday; ISO weeks start on Monday. */
export function bucketStart(t: number, grain: Grain): number {
  if (grain === 'WEEK') return Math.floor((t - 4 * DAY_S) / WEEK_S) * WEEK_S + 4 * DAY_S;
  if (grain === 'MONTH') {
    const d = new Date(t * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 1000;
  }
  const size = grain === 'DAY' ? DAY_S : HOUR_S;
  return Math.floor(t / size) * size;
}

/** The start of the bucket after the one starting at `start` (UTC). */
export function nextBucketStart(start: number, grain: Grain): number {
  if (grain === 'MONTH') {
    const d = new Date(start * 1000);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000;
  }
  return start + (grain === 'WEEK' ? WEEK_S : grain === 'DAY' ? DAY_S : HOUR_S);
}

/** Every bucket start overlapping [from, to). */
export function bucketStarts(from: number, to: number, grain: Grain): number[] {
  const out: number[] = [];
  for (let t = bucketStart(from, grain); t < to; t = nextBucketStart(t, grain)) out.push(t);
  return out;
}

/** Monday 00:00 UTC of the last ISO week that ends on or before `end`. */
export function lastCompleteWeekStart(end: number): number {
  const day = Math.floor((end - 1) / DAY_S);
  const dayOfWeek = (day + 3) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  let monday = (day - dayOfWeek) * DAY_S;
  if (monday + WEEK_S > end) monday -= WEEK_S;
  return monday;
}

export function toIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * ClickHouse's DateTime text form, for bound DateTime('UTC') parameters and ingested rows. Whole
 * seconds are converted by calendar arithmetic (Hinnant's civil_from_days) rather than through a
 * Date and toISOString: the same text at a fraction of the cost and garbage, which matters for the
 * several instants of every ingested row.
 */
export function toClickHouseDateTime(seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0) return new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const days = Math.floor(seconds / DAY_S);
  const secs = seconds - days * DAY_S;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)} ${pad2(Math.floor(secs / HOUR_S))}:${pad2(Math.floor((secs % HOUR_S) / 60))}:${pad2(secs % 60)}`;
}

const digits = (s: string, at: number, n: number) => {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
};

/**
 * Date.parse of an ISO-8601 instant, in milliseconds. The commonest form, YYYY-MM-DDTHH:MM:SSZ
 * with ordinary field values, is read by hand (Date.UTC, ~10× cheaper than Date.parse); anything
 * else goes to Date.parse, so the answer is Date.parse's in every case. Expects text already
 * matched against the ISO pattern (digits where digits belong).
 */
export function parseInstantMs(s: string): number {
  if (s.length === 20 && s.charCodeAt(19) === 90 /* Z */) {
    const month = digits(s, 5, 2), day = digits(s, 8, 2), h = digits(s, 11, 2), m = digits(s, 14, 2), sec = digits(s, 17, 2);
    // years before 100 are not Date.UTC's (it reads them as 19xx)
    if (s.charCodeAt(0) !== 48 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && h <= 23 && m <= 59 && sec <= 59) {
      return Date.UTC(digits(s, 0, 4), month - 1, day, h, m, sec);
    }
  }
  return Date.parse(s);
}

/** Parses a ClickHouse DateTime('UTC') as returned in JSON ("2026-11-16 00:00:00"). */
export function fromClickHouseDateTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`) / 1000;
}
