import { describe, expect, it } from 'vitest';
import { runText, widenedRange, type BadRun } from './eventWindow';

// Last week: Mon 23 Nov – Sun 29 Nov 2026, daily buckets in UTC; the data runs on to Wed 2 Dec 18:00.
const DATA_END = new Date('2026-12-02T18:00:00Z');
const WEEK_END = '2026-11-30T00:00:00Z';
const run = (from: string, to: string, toRangeEnd: boolean): BadRun => ({ from, to, grain: 'DAY', zone: 'UTC', toRangeEnd });

describe('when a problem happened', () => {
  it('says "since" only for a run still going at the end of the data', () => {
    expect(runText('below target', run('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', true), DATA_END, '2026-12-02T18:00:00Z')).toBe('below target since Tue 1 Dec');
  });

  it('says until when for a run that stopped, and that a run reaching the end of last week is as far as the range goes', () => {
    expect(runText('below target', run('2026-11-24T00:00:00Z', '2026-11-26T00:00:00Z', false), DATA_END, WEEK_END)).toBe('below target from Tue 24 Nov until Thu 26 Nov');
    expect(runText('below target', run('2026-11-25T00:00:00Z', '2026-11-25T00:00:00Z', false), DATA_END, WEEK_END)).toBe('below target on Wed 25 Nov');
    expect(runText('above target', run('2026-11-26T00:00:00Z', '2026-11-29T00:00:00Z', true), DATA_END, WEEK_END)).toBe(
      'above target from Thu 26 Nov until Sun 29 Nov, the end of the range',
    );
  });
});

describe('a drill around the event', () => {
  it('opens three days either side of the run, within the data', () => {
    // run Tue 24 – Thu 26 Nov: 21 Nov to 29 Nov inclusive
    expect(widenedRange(run('2026-11-24T00:00:00Z', '2026-11-26T00:00:00Z', false), DATA_END, '2026-08-01T00:00:00Z')).toEqual({ from: '2026-11-21', to: '2026-11-29' });
    // a run on the last day: the data ends Wed 2 Dec 18:00, so the last day is 2 Dec
    expect(widenedRange(run('2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', true), DATA_END, null)).toEqual({ from: '2026-11-28', to: '2026-12-02' });
    // a run at the start of the data does not reach before it
    expect(widenedRange(run('2026-08-02T00:00:00Z', '2026-08-02T00:00:00Z', false), DATA_END, '2026-08-01T00:00:00Z')).toEqual({ from: '2026-08-01', to: '2026-08-05' });
  });
});
