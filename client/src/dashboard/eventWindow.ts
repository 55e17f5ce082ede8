import type { Grain } from '../generated/graphql';
import { DAY_MS, addGrain } from '../time/grain';
import { formatMoment } from '../time/labels';
import { localDate } from '../time/range';

/** A stretch of buckets where a figure was bad: first and last bucket starts, in the answer's grain and zone. */
export interface BadRun {
  from: string;
  to: string;
  grain: Grain;
  zone: string;
  /** The run reaches the last bucket of the range. */
  toRangeEnd: boolean;
}

/**
 * When a problem happened, in words. "since" only for a run still going at the end of the data;
 * a run that stopped says until when ("until Thu 26 Nov", the last bad bucket), and one that
 * reaches the end of a range that ended before the data did (last week) says so rather than
 * sounding ongoing.
 */
export function runText(side: string, run: BadRun, dataEnd: Date, rangeEnd: string): string {
  const from = formatMoment(run.from, run.zone);
  const to = formatMoment(run.to, run.zone);
  const stillRunning = run.toRangeEnd && Date.parse(rangeEnd) >= dataEnd.getTime();
  if (stillRunning) return `${side} since ${from}`;
  const single = run.from === run.to;
  if (run.toRangeEnd) return `${side} ${single ? 'on' : 'from'} ${single ? from : `${from} until ${to}`}, the end of the range`;
  return single ? `${side} on ${from}` : `${side} from ${from} until ${to}`;
}

/**
 * Days around a run, to open a drill on the event rather than on the range it was seen in: from
 * `margin` days before it starts to `margin` days after it ends, within the data (first and last
 * days inclusive, in the run's zone, as the filter bar writes dates).
 */
export function widenedRange(run: BadRun, dataEnd: Date, dataFrom: string | null, margin = 3): { from: string; to: string } {
  const end = addGrain(new Date(run.to), run.grain, 1, run.zone);
  const start = new Date(Date.parse(run.from) - margin * DAY_MS);
  const stop = new Date(Math.min(end.getTime() + margin * DAY_MS, dataEnd.getTime()) - 1);
  const first = dataFrom && Date.parse(dataFrom) > start.getTime() ? new Date(dataFrom) : start;
  return { from: localDate(first, run.zone), to: localDate(stop, run.zone) };
}
