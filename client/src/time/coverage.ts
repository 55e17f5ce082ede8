import type { Grain } from '../generated/graphql';
import { addGrain } from './grain';

/** Buckets of an answer that hold less than a whole bucket of data. */
export interface BucketCoverage {
  /** The first bucket starts before the range (possible when the server chose the grain). */
  firstPartial: boolean;
  /** The last bucket ends after the data: it is still filling. */
  lastPartial: boolean;
}

/** Read from the answer rather than the request, because on "auto" only the answer knows the grain. */
export function bucketCoverage(
  buckets: readonly string[],
  grain: Grain,
  range: { from: string; to: string },
  dataEnd: Date,
  zone: string,
): BucketCoverage {
  const first = buckets[0];
  const last = buckets[buckets.length - 1];
  return {
    firstPartial: first !== undefined && Date.parse(first) < Date.parse(range.from),
    lastPartial: last !== undefined && addGrain(new Date(last), grain, 1, zone).getTime() > dataEnd.getTime(),
  };
}
