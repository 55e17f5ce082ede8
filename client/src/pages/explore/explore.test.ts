import { describe, expect, it } from 'vitest';
import { SLA_BY_REGION_POLICY } from '../../testing/breakdownFixtures';
import { countSeries, ratePoint } from '../../testing/seriesFixtures';
import { toCsv } from './csv';
import { breakdownRows, seriesRows, sortRows } from './rows';
import { paramLiteral, sqlScript } from './sqlText';

const byRegion = countSeries({
  buckets: ['2026-11-14T00:00:00Z', '2026-11-15T00:00:00Z'],
  groups: [
    { key: 'EU', label: 'Europe', values: [10, 30] },
    { key: 'LATAM', label: 'Latin America, Brazil "BR"', values: [20, null] },
  ],
});

describe('result rows', () => {
  it('flattens a series to one row per bucket and group, and a breakdown to one per cell', () => {
    const rows = seriesRows(byRegion);
    expect(rows.map((r) => [r.bucket, r.keys[0], r.point.value])).toEqual([
      ['2026-11-14T00:00:00Z', 'EU', 10],
      ['2026-11-14T00:00:00Z', 'LATAM', 20],
      ['2026-11-15T00:00:00Z', 'EU', 30],
      ['2026-11-15T00:00:00Z', 'LATAM', null],
    ]);
    expect(breakdownRows(SLA_BY_REGION_POLICY)[0]).toMatchObject({ keys: ['LATAM', 'misinformation'], labels: ['Latin America', 'Misinformation'] });
  });

  it('has no group column when ungrouped, and carries the comparison value per bucket', () => {
    const ungrouped = countSeries({ buckets: ['2026-11-14T00:00:00Z'], groups: [{ key: 'all', label: 'All', values: [5] }] });
    expect(seriesRows(ungrouped, [4])).toEqual([{ bucket: '2026-11-14T00:00:00Z', keys: [], labels: [], point: ungrouped.groups[0]!.points[0], previous: 4 }]);
  });

  it('sorts stably by any column, rows without a value last either way', () => {
    const rows = seriesRows(byRegion);
    expect(sortRows(rows, { column: 'value', descending: true }).map((r) => r.point.value)).toEqual([30, 20, 10, null]);
    expect(sortRows(rows, { column: 'value', descending: false }).map((r) => r.point.value)).toEqual([10, 20, 30, null]);
    expect(sortRows(rows, { column: 'group', descending: false }).map((r) => r.keys[0])).toEqual(['EU', 'EU', 'LATAM', 'LATAM']);
  });
});

describe('CSV export', () => {
  it('writes the rows in the table order with full-precision numbers, quoting where needed', () => {
    const rows = sortRows(seriesRows(byRegion), { column: 'value', descending: true });
    expect(toCsv(rows.slice(0, 2), { bucket: true, splits: ['Region'], previous: false })).toBe(
      [
        'bucket_start_utc,region,region_label,value,numerator,denominator,interval_low,interval_high,low_sample',
        '2026-11-15T00:00:00Z,EU,Europe,30,,,,,false',
        '2026-11-14T00:00:00Z,LATAM,"Latin America, Brazil ""BR""",20,,,,,false',
        '',
      ].join('\r\n'),
    );
  });

  it('writes rates with their parts and interval, and both split dimensions', () => {
    const csv = toCsv(breakdownRows(SLA_BY_REGION_POLICY).slice(0, 1), { bucket: false, splits: ['Region', 'Policy'], previous: false });
    expect(csv.split('\r\n')[1]).toBe('LATAM,Latin America,misinformation,Misinformation,0.1,300,3000,0.09,0.11,false');
    const low = toCsv([{ keys: [], labels: [], point: ratePoint(1, 2) }], { bucket: false, splits: [], previous: true });
    expect(low.split('\r\n')[1]).toBe('0.5,1,2,,,true,');
  });
});

describe('CSV export against formula injection (OWASP)', () => {
  it('prefixes text cells starting with = + - @ tab or CR with a single quote, and leaves numbers numeric', () => {
    const point = { value: -0.5, numerator: null, denominator: null, low: -0.75, high: -0.25, lowSample: false };
    const rows = [
      { keys: ['=HYPERLINK("http://evil.example","click")'], labels: ['@SUM(A1:A9)'], point },
      { keys: ['+1'], labels: ['-2+3'], point },
      { keys: ['\tcmd'], labels: ['\rcmd'], point },
      { keys: ['review-eu'], labels: ['a=b'], point },
    ];
    expect(toCsv(rows, { bucket: false, splits: ['Queue'], previous: false })).toBe(
      [
        'queue,queue_label,value,numerator,denominator,interval_low,interval_high,low_sample',
        `"'=HYPERLINK(""http://evil.example"",""click"")",'@SUM(A1:A9),-0.5,,,-0.75,-0.25,false`,
        `'+1,'-2+3,-0.5,,,-0.75,-0.25,false`,
        `'\tcmd,"'\rcmd",-0.5,,,-0.75,-0.25,false`,
        'review-eu,a=b,-0.5,,,-0.75,-0.25,false',
        '',
      ].join('\r\n'),
    );
  });
});

describe('show SQL', () => {
  it('turns bound parameters into clickhouse-client SET statements', () => {
    expect(paramLiteral('"2026-11-09 00:00:00"')).toBe('2026-11-09 00:00:00');
    expect(paramLiteral('["LATAM","it\'s"]')).toBe("['LATAM', 'it\\'s']");
    expect(paramLiteral('9')).toBe('9');
    expect(
      sqlScript([
        {
          sql: 'SELECT 1 FROM t WHERE hour >= {from:DateTime} AND region IN {regions:Array(String)}',
          params: [
            { name: 'from', type: 'DateTime', value: '"2026-11-09 00:00:00"' },
            { name: 'regions', type: 'Array(String)', value: '["LATAM"]' },
          ],
        },
      ]),
    ).toBe(
      "SET param_from = '2026-11-09 00:00:00';\nSET param_regions = '[\\'LATAM\\']';\nSELECT 1 FROM t WHERE hour >= {from:DateTime} AND region IN {regions:Array(String)};",
    );
  });
});
