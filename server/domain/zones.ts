// Time zones a series may be bucketed in. Rollups are hourly, so only zones whose offset from
// UTC is a whole number of hours can have exact local days and weeks (India, +5:30, cannot).
import type { Grain } from './vocabulary.generated.js';
import { HOUR_S, bucketStarts } from './time.js';

export const TIME_ZONES = [
  'UTC',
  'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'Europe/Warsaw', 'Europe/Athens', 'Europe/Istanbul',
  'Africa/Lagos', 'Africa/Cairo', 'Africa/Nairobi', 'Africa/Johannesburg',
  'Asia/Dubai', 'Asia/Riyadh', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Jakarta', 'Asia/Bangkok', 'Asia/Ho_Chi_Minh',
  'Asia/Singapore', 'Asia/Manila', 'Asia/Taipei', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Sydney',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Mexico_City',
  'America/Bogota', 'America/Sao_Paulo', 'America/Argentina/Buenos_Aires',
] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local calendar date (as a day number since 1970-01-01), weekday (0 = Monday) and month (months since 1970) of instant t. */
function localDay(t: number, zone: string): { day: number; weekday: number; month: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  const [y, m, d] = f.format(t * 1000).split('-').map(Number) as [number, number, number];
  const day = Date.UTC(y, m - 1, d) / 86_400_000;
  return { day, weekday: (day + 3) % 7, month: (y - 1970) * 12 + m - 1 };
}

/** Which bucket an hour belongs to, as a comparable number (local day, local Monday, or local month). */
function bucketKey(t: number, grain: Grain, zone: string): number {
  if (grain === 'HOUR') return t;
  const { day, weekday, month } = localDay(t, zone);
  return grain === 'DAY' ? day : grain === 'WEEK' ? day - weekday : month;
}

/**
 * Start instants of every bucket overlapping [from, to) (both on whole hours), in the zone:
 * the same instants ClickHouse's toStartOfDay / toMonday / toStartOfMonth(hour, zone) give, since
 * local midnight falls on a whole UTC hour in every allowed zone.
 */
export function zonedBucketStarts(from: number, to: number, grain: Grain, zone: string): number[] {
  if (zone === 'UTC') return bucketStarts(from, to, grain);
  if (grain === 'HOUR') {
    const out: number[] = [];
    for (let t = from; t < to; t += HOUR_S) out.push(t);
    return out;
  }
  // the first bucket starts at or before `from`: walk back to the first hour with the same key
  let first = from;
  const key = bucketKey(from, grain, zone);
  while (bucketKey(first - HOUR_S, grain, zone) === key) first -= HOUR_S;
  const out = [first];
  let current = key;
  for (let t = from + HOUR_S; t < to; t += HOUR_S) {
    const k = bucketKey(t, grain, zone);
    if (k !== current) {
      out.push(t);
      current = k;
    }
  }
  return out;
}
