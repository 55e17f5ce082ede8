import { describe, expect, it } from 'vitest';
import { foldNote, pluralNoun } from './folding';

const groups = (n: number, other: boolean) => ({ groups: [...Array.from({ length: n }, () => ({ isOther: false })), ...(other ? [{ isOther: true }] : [])] });

describe('Explore: the chart folds, and says so; the table does not', () => {
  it('says how many groups there are and how many the chart shows', () => {
    expect(foldNote(groups(8, true), groups(12, false), 'Policy', 8)).toBe('12 policies; the chart shows the top 8, the rest as Other. The table and the CSV hold them all.');
  });

  it('says nothing when the chart shows every group', () => {
    expect(foldNote(groups(5, false), groups(5, false), 'Region', 8)).toBeNull();
  });

  it('says when even the table had to fold (beyond the API’s 25)', () => {
    expect(foldNote(groups(8, true), groups(25, true), 'Country', 8)).toBe('More than 25 countries; the chart shows the top 8, the rest as Other. The table holds the largest 25 and the rest as Other.');
  });

  it('writes plurals of dimension labels', () => {
    expect(['Policy', 'Region', 'Detection source', 'Country', 'Day'].map(pluralNoun)).toEqual(['policies', 'regions', 'detection sources', 'countries', 'days']);
  });
});
