import { describe, expect, it } from 'vitest';
import { signedChange, formatQ } from './format';
import { eventWhen } from './Happened';
import { moversSentence } from './Movers';

describe('what the sections say', () => {
  it('states how many cells were tested and the false discovery rate', () => {
    expect(moversSentence(345, 0.05)).toBe('345 cells tested; changes shown are significant at a 5 % false discovery rate (Benjamini–Hochberg).');
    expect(moversSentence(1, 0.1)).toBe('1 cell tested; changes shown are significant at a 10 % false discovery rate (Benjamini–Hochberg).');
    expect(moversSentence(1234, 0.05)).toMatch(/^1,234 cells/);
  });

  it('signs changes in the metric’s unit, with true minus signs', () => {
    expect(signedChange(-0.21, 'RATIO')).toBe('−21 pts');
    expect(signedChange(1937, 'COUNT')).toBe('+1,937');
    expect(signedChange(-255, 'COUNT')).toBe('−255');
    expect(signedChange(200, 'SECONDS')).toBe('+3 min 20 s');
    expect(signedChange(null, 'COUNT')).toBe('–');
    expect(formatQ(0.0004)).toBe('q < 0.001');
    expect(formatQ(0.0312)).toBe('q = 0.03');
  });

  it('reads a span of whole days as first – last day, a moment as itself', () => {
    expect(eventWhen({ at: '2026-11-12T00:00:00Z', endsAt: '2026-11-16T00:00:00Z' })).toBe('Thu 12 Nov – Sun 15 Nov');
    expect(eventWhen({ at: '2026-11-10T00:00:00Z', endsAt: '2026-11-11T00:00:00Z' })).toBe('Tue 10 Nov');
    expect(eventWhen({ at: '2026-11-10T08:30:00Z', endsAt: null })).toBe('Tue 10 Nov 08:30');
  });
});
