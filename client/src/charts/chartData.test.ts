import { describe, expect, it } from 'vitest';
import { SLA_BY_REGION_POLICY } from '../testing/breakdownFixtures';
import { countSeries } from '../testing/seriesFixtures';
import { breakdownSummary, breakdownTable, driftText, seriesSummary, seriesTable } from './chartData';

const DAYS = ['2026-11-16T00:00:00Z', '2026-11-17T00:00:00Z', '2026-11-18T00:00:00Z'];
// Europe 10, 40, 20 and Latin America 5, 5, 30: totals per day 15, 45, 50; over the range EU 70, LATAM 40.
const SPLIT = countSeries({
  buckets: DAYS,
  groups: [
    { key: 'EU', label: 'Europe', values: [10, 40, 20] },
    { key: 'LATAM', label: 'Latin America', values: [5, 5, 30] },
  ],
});

describe('a chart’s text alternative', () => {
  it('says the last value, the change from the first, and the range of the overall line, then the highest and lowest group', () => {
    expect(seriesSummary(SPLIT)).toBe(
      'Last value 50 (Wed 18 Nov 2026), up from 15 on Mon 16 Nov 2026; lowest 15, highest 50. Over the range, highest Europe (70), lowest Latin America (40).',
    );
  });

  it('skips empty buckets and says when nothing was counted', () => {
    const gappy = countSeries({ buckets: DAYS, groups: [{ key: 'all', label: 'All', values: [null, 8, 3] }] });
    // the first bucket is empty (its total is 0 by the fixture's sum), so the line starts at 8
    gappy.bucketTotals[0] = { ...gappy.bucketTotals[0]!, value: null };
    expect(seriesSummary(gappy)).toBe('Last value 3 (Wed 18 Nov 2026), down from 8 on Tue 17 Nov 2026; lowest 3, highest 8.');
    const none = countSeries({ buckets: [], groups: [] });
    expect(seriesSummary(none)).toBe('No values in this range.');
  });

  it('names the highest and lowest cell of a breakdown', () => {
    // 1980/2000 = 99.0%, 300/3000 = 10.0%
    expect(breakdownSummary(SLA_BY_REGION_POLICY)).toBe('Highest Europe × Misinformation (99.0%), lowest Latin America × Misinformation (10.0%), of 4.');
  });
});

describe('a chart’s table view', () => {
  it('has a row per group with the range’s figure then each bucket, an All row, and Enter on a group drills into it', () => {
    const opened: string[] = [];
    const table = seriesTable(SPLIT, 'Region', (key) => opened.push(key));
    expect(table.columns).toEqual(['Over the range', '16 Nov', '17 Nov', '18 Nov']);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Europe', '70', '10', '40', '20'],
      ['Latin America', '40', '5', '5', '30'],
      ['All', '110', '15', '45', '50'],
    ]);
    table.rows[1]!.open!();
    expect(opened).toEqual(['LATAM']);
    expect(table.rows[2]!.open).toBeUndefined();
  });

  it('lists every cell of a breakdown with what it rests on', () => {
    const opened: string[][] = [];
    const table = breakdownTable(SLA_BY_REGION_POLICY, 'Region × Policy', (keys) => opened.push([...keys]));
    expect(table.columns).toEqual(['Value', 'Out of']);
    expect(table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['Latin America × Misinformation', '10.0%', '3,000'],
      ['Latin America × Hate speech', '90.0%', '1,000'],
      ['Europe × Misinformation', '99.0%', '2,000'],
      ['Europe × Hate speech', '50.0%', '10'],
    ]);
    table.rows[3]!.open!();
    expect(opened).toEqual([['EU', 'hate_speech']]);
  });
});

describe('a score-drift chart in words', () => {
  it('lists each bin before and now, and names the bin that moved most', () => {
    // four bins of 0.25: the third moved from 20% to 50% (30 points), the others by 10 or 0
    const text = driftText({ baselineShares: [0.4, 0.3, 0.2, 0.1], currentShares: [0.3, 0.2, 0.5, 0] }, { baseline: 'Oct', current: 'Nov' });
    expect(text.summary).toBe('The largest shift is in scores 0.50–0.75: 20.0% of scores before, 50.0% now.');
    expect(text.table.columns).toEqual(['Before (Oct)', 'Now (Nov)']);
    expect(text.table.rows.map((r) => [r.label, ...r.cells])).toEqual([
      ['0.00–0.25', '40.0%', '30.0%'],
      ['0.25–0.50', '30.0%', '20.0%'],
      ['0.50–0.75', '20.0%', '50.0%'],
      ['0.75–1.00', '10.0%', '0.0%'],
    ]);
  });
});
