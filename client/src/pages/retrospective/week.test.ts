import { describe, expect, it } from 'vitest';
import { addWeeks, isDay, isMonday, isoWeek, lastCompleteWeek, mondayOf, weekLabel, weekLastDay } from './week';

describe('ISO weeks', () => {
  it('knows Mondays and real days', () => {
    expect(isMonday('2026-11-09')).toBe(true);
    expect(isMonday('2026-11-10')).toBe(false);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isMonday('2026-11-9')).toBe(false);
  });

  it('finds the Monday of any day, Sunday included (ISO weeks end on Sunday)', () => {
    expect(mondayOf('2026-11-09')).toBe('2026-11-09');
    expect(mondayOf('2026-11-12')).toBe('2026-11-09');
    expect(mondayOf('2026-11-15')).toBe('2026-11-09');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('steps whole weeks across months, years and daylight-saving dates', () => {
    expect(addWeeks('2026-10-26', -1)).toBe('2026-10-19');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(addWeeks('2026-03-30', -1)).toBe('2026-03-23');
    expect(weekLastDay('2026-12-28')).toBe('2027-01-03');
  });

  it('picks the last complete week of the data as the server does', () => {
    // data ending at Monday midnight: the week that just ended is complete
    expect(lastCompleteWeek('2026-11-16T00:00:00Z')).toBe('2026-11-09');
    // ending on a Wednesday: that week is not over, the one before is the last complete one
    expect(lastCompleteWeek('2026-11-18T00:00:00Z')).toBe('2026-11-09');
    // ending an hour into Monday: that week has barely begun
    expect(lastCompleteWeek('2026-11-16T01:00:00Z')).toBe('2026-11-09');
    // ending at the very end of Sunday's last hour (exclusive end is the next Monday)
    expect(lastCompleteWeek('2026-11-15T23:30:00Z')).toBe('2026-11-09');
  });

  it('numbers weeks by ISO 8601 (week 1 holds the first Thursday)', () => {
    expect(isoWeek('2026-11-09')).toEqual({ year: 2026, week: 46 });
    expect(isoWeek('2026-12-28')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('labels a week as people say it', () => {
    expect(weekLabel('2026-11-09')).toBe('Week 46 · Mon 9 – Sun 15 Nov 2026');
    expect(weekLabel('2026-10-26')).toBe('Week 44 · Mon 26 Oct – Sun 1 Nov 2026');
    expect(weekLabel('2026-12-28')).toBe('Week 53 · Mon 28 Dec 2026 – Sun 3 Jan 2027');
  });
});
