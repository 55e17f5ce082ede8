import { describe, expect, it } from 'vitest';
import { SLA_BY_REGION_POLICY, breakdown } from '../testing/breakdownFixtures';
import { countPoint, ratePoint } from '../testing/seriesFixtures';
import { bucketIsBad, findCulprit, longestBadRun, shortfall } from './culprit';

const SLA = { kind: 'RATE', goodDirection: 'UP', target: { value: 0.95, direction: 'AT_LEAST' } } as const;

describe('the slice behind a figure', () => {
  it('picks the cell with the most items short of the target, never a low-sample cell', () => {
    // Europe × hate speech is lower (50 %) but rests on 10 items; LATAM × misinformation misses
    // the target by 85 points on 3,000 items.
    const culprit = findCulprit(SLA, 'BREACHED', SLA_BY_REGION_POLICY.cells, undefined);
    expect(culprit?.labels).toEqual(['Latin America', 'Misinformation']);
  });

  it('without a breach, picks the cell that moved most the wrong way, weighted by its items', () => {
    const now = breakdown([
      [['EU', 'a'], ['Europe', 'A'], ratePoint(960, 1000)],
      [['NA', 'a'], ['North America', 'A'], ratePoint(9000, 10000)],
    ], []).cells;
    const before = breakdown([
      [['EU', 'a'], ['Europe', 'A'], ratePoint(990, 1000)],
      [['NA', 'a'], ['North America', 'A'], ratePoint(9200, 10000)],
    ], []).cells;
    // Europe fell 3 points on 1,000 items (30); North America 2 points on 10,000 (200).
    expect(findCulprit(SLA, 'ON_TARGET', now, before)?.keys).toEqual(['NA', 'a']);
  });

  it('for counts, picks the largest change in the bad direction; for backlogs, the largest growth', () => {
    const counts = { kind: 'COUNT', goodDirection: 'NEUTRAL', target: null } as const;
    const now = [
      { keys: ['EU'], labels: ['Europe'], point: countPoint(100) },
      { keys: ['LATAM'], labels: ['Latin America'], point: countPoint(900) },
    ];
    const before = [
      { keys: ['EU'], labels: ['Europe'], point: countPoint(300) },
      { keys: ['LATAM'], labels: ['Latin America'], point: countPoint(850) },
    ];
    expect(findCulprit(counts, 'ON_TARGET', now, before)?.keys).toEqual(['EU']);
    const backlog = { kind: 'BACKLOG', goodDirection: 'DOWN', target: null } as const;
    expect(findCulprit(backlog, 'ON_TARGET', now, undefined)?.keys).toEqual(['LATAM']);
  });

  it('finds nothing when nothing is off', () => {
    expect(findCulprit(SLA, 'BREACHED', [{ keys: ['EU'], labels: ['Europe'], point: ratePoint(990, 1000) }], undefined)).toBeUndefined();
    expect(shortfall(0.99, SLA.target)).toBe(0);
    expect(shortfall(0.15, { value: 0.12, direction: 'AT_MOST' })).toBeCloseTo(0.03);
  });
});

describe('since when', () => {
  it('calls a bucket bad when off target, or when its interval clears the baseline on the wrong side', () => {
    expect(bucketIsBad(ratePoint(90, 100), SLA, null)).toBe(true);
    expect(bucketIsBad(ratePoint(99, 100), SLA, null)).toBe(false);
    const noTarget = { kind: 'RATE', goodDirection: 'UP', target: null } as const;
    expect(bucketIsBad(ratePoint(80, 100, [0.71, 0.87]), noTarget, 0.9)).toBe(true);
    // Its interval still reaches the baseline: could be noise.
    expect(bucketIsBad(ratePoint(85, 100, [0.77, 0.91]), noTarget, 0.9)).toBe(false);
  });

  it('takes the longest run of bad buckets, the latest on a tie', () => {
    expect(longestBadRun([false, true, true, false, true])).toEqual({ start: 1, end: 2 });
    expect(longestBadRun([true, false, true])).toEqual({ start: 2, end: 2 });
    expect(longestBadRun([false, true, true, true])).toEqual({ start: 1, end: 3 });
    expect(longestBadRun([false, false])).toBeUndefined();
  });
});
