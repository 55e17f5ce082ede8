// Wall-clock arithmetic in an IANA time zone with nothing but Intl. The API only accepts
// whole-hour zones (catalogue.timeZones), so every local midnight is a whole UTC hour and the
// ranges built here are always valid API ranges.

export const UTC = 'UTC';

/** Local calendar fields of an instant; month is 1–12, weekday 0 = Sunday. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when the runtime knows the zone; a link may carry anything. */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export function wallTime(t: Date, zone: string): WallTime {
  if (zone === UTC) {
    return {
      year: t.getUTCFullYear(),
      month: t.getUTCMonth() + 1,
      day: t.getUTCDate(),
      hour: t.getUTCHours(),
      minute: t.getUTCMinutes(),
      weekday: t.getUTCDay(),
    };
  }
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(t)) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    weekday: WEEKDAY_INDEX[parts['weekday'] ?? ''] ?? 0,
  };
}

/** Local time minus UTC at an instant, in milliseconds (e.g. +9 h for Asia/Tokyo). */
export function zoneOffsetMs(t: Date, zone: string): number {
  if (zone === UTC) return 0;
  const w = wallTime(t, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(t.getTime() / 60_000) * 60_000;
}

/**
 * The instant at which the zone's clocks show this date and hour. Day overflow is allowed
 * (day 32 is the 1st of the next month), which makes adding days plain arithmetic.
 */
export function zonedInstant(year: number, month: number, day: number, hour: number, zone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  if (zone === UTC) return new Date(guess);
  const first = guess - zoneOffsetMs(new Date(guess), zone);
  // Across a daylight-saving change the offset at the answer differs from the one at the guess.
  const second = guess - zoneOffsetMs(new Date(first), zone);
  return new Date(second);
}
