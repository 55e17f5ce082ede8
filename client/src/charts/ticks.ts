import type { Grain } from '../generated/graphql';
import { wallTime } from '../time/zones';

// Which buckets of a time axis carry a label. ECharts spaces category labels by a count of
// buckets from the first one, so a day starting at 17:00 reads 17:00, 01:20… (and 8.3 h steps
// after thinning). Labels go instead on round boundaries of the zone shown: every 1, 2, 3, 6 or
// 12 hours, at midnights, on Mondays, on the first of a month, every 1, 2, 3, 6 or 12 months —
// the finest such step that keeps at most `maxLabels` labels.

type Wall = ReturnType<typeof wallTime>;

interface Step {
  /** whether a bucket starting at this wall time (at index i of the axis) is labelled */
  keep: (w: Wall, i: number) => boolean;
}

/** Days since 1970-01-01 of a wall date, to count every other Monday and such. */
const dayNumber = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;
const monthNumber = (w: Wall) => w.year * 12 + w.month - 1;
const midnight = (w: Wall) => w.hour === 0;

const everyHours = (n: number): Step => ({ keep: (w) => w.hour % n === 0 });
const everyDays = (n: number): Step => ({ keep: (w) => midnight(w) && dayNumber(w) % n === 0 });
// Monday weeks; every other week counted in whole weeks since a Monday (5 Jan 1970)
const everyWeeks = (n: number): Step => ({ keep: (w) => midnight(w) && w.weekday === 1 && Math.floor((dayNumber(w) - 4) / 7) % n === 0 });
const everyMonths = (n: number): Step => ({ keep: (w) => midnight(w) && w.day === 1 && monthNumber(w) % n === 0 });
// weekly buckets start on Mondays: a month's label goes on its first week
const firstWeekOfMonths = (n: number): Step => ({ keep: (w) => w.day <= 7 && monthNumber(w) % n === 0 });
const everyBucket = (n: number): Step => ({ keep: (_w, i) => i % n === 0 });

const MONTHS = [1, 2, 3, 6, 12].map(everyMonths);
const STEPS: Record<Grain, Step[]> = {
  HOUR: [...[1, 2, 3, 6, 12].map(everyHours), everyDays(1), everyDays(2), everyWeeks(1), everyWeeks(2), ...MONTHS],
  DAY: [everyDays(1), everyDays(2), everyWeeks(1), everyWeeks(2), ...MONTHS],
  WEEK: [everyBucket(1), everyBucket(2), ...[1, 2, 3, 6, 12].map(firstWeekOfMonths)],
  MONTH: MONTHS,
};

/** Indices of the buckets that carry a label, on round boundaries of the zone. */
export function tickIndices(buckets: readonly string[], grain: Grain, zone: string, maxLabels = 8): number[] {
  const walls = buckets.map((b) => wallTime(new Date(b), zone));
  let chosen: number[] = [];
  for (const step of STEPS[grain]) {
    chosen = walls.flatMap((w, i) => (step.keep(w, i) ? [i] : []));
    if (chosen.length <= maxLabels && chosen.length > 0) return chosen;
  }
  return chosen.length ? chosen : [0];
}
