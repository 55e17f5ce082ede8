import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../format';
import { durationText, fromDisplay, parseDuration, targetDraft, targetText, toDisplay, validateTarget } from './targetForms';

describe('target units', () => {
  it('shows a proportion in percent and its margin in points, and reads them back as shares', () => {
    expect(toDisplay(0.95, 'RATIO')).toBe('95');
    expect(toDisplay(0.667, 'RATIO')).toBe('66.7');
    expect(toDisplay(0.03, 'RATIO')).toBe('3');
    expect(fromDisplay('95', 'RATIO')).toBe(0.95);
    expect(fromDisplay('99 %', 'RATIO')).toBe(0.99);
    expect(fromDisplay('2.5 pts', 'RATIO')).toBe(0.025);
    expect(fromDisplay('0.5', 'RATIO')).toBe(0.005);
    expect(fromDisplay('ninety', 'RATIO')).toBeNull();
    expect(fromDisplay('', 'RATIO')).toBeNull();
  });

  it('writes durations exactly, in the units the app shows them, and reads them back', () => {
    expect(durationText(9000)).toBe('2 h 30 min');
    expect(durationText(45)).toBe('45 s');
    expect(durationText(93_784)).toBe('1 d 2 h 3 min 4 s');
    expect(durationText(0)).toBe('0 s');
    expect(durationText(1.5)).toBe('1.5 s');
    for (const seconds of [0, 1.5, 45, 200, 3_600, 9_000, 93_784, 14 * 86_400]) expect(parseDuration(durationText(seconds))).toBe(seconds);
    // what formatDuration prints reads back too
    for (const seconds of [42, 200, 7_500, 3 * 86_400 + 4 * 3_600]) expect(parseDuration(formatDuration(seconds))).toBe(seconds);
    expect(parseDuration('2 h 05 min')).toBe(7_500);
    expect(parseDuration('1.5 h')).toBe(5_400);
    expect(parseDuration('90')).toBe(90);
    expect(parseDuration('30m')).toBe(1_800);
    expect(parseDuration('4 hours, 30 minutes')).toBe(16_200);
    expect(parseDuration('2 weeks')).toBeNull();
    expect(parseDuration('h')).toBeNull();
    expect(parseDuration('-5 s')).toBeNull();
    expect(fromDisplay('1 h', 'SECONDS')).toBe(3_600);
  });

  it('takes other units as plain numbers', () => {
    expect(fromDisplay('12.5', 'PER_HOUR')).toBe(12.5);
    expect(fromDisplay('12.5/h', 'PER_HOUR')).toBe(12.5);
    expect(fromDisplay('-0.2', 'COEFFICIENT')).toBe(-0.2);
    expect(fromDisplay('1,000', 'COUNT')).toBeNull();
    expect(toDisplay(0.667, 'COEFFICIENT')).toBe('0.667');
  });

  it('starts from the target in force, or an empty one facing the good direction', () => {
    expect(targetDraft({ value: 0.8, direction: 'AT_LEAST', atRiskMargin: 0.03 }, 'RATIO', 'UP')).toEqual({ value: '80', direction: 'AT_LEAST', atRiskMargin: '3' });
    expect(targetDraft(null, 'SECONDS', 'DOWN')).toEqual({ value: '', direction: 'AT_MOST', atRiskMargin: '0 s' });
  });

  it('says a target the way tiles and definitions do', () => {
    expect(targetText({ value: 0.8, direction: 'AT_LEAST', atRiskMargin: 0.03 }, 'RATIO')).toBe('≥ 80.0% (at risk within 3.0 pts)');
    expect(targetText({ value: 14_400, direction: 'AT_MOST', atRiskMargin: 1_800 }, 'SECONDS')).toBe('≤ 4 h (at risk within 30 min)');
    expect(targetText(null, 'RATIO')).toBe('No target');
  });
});

describe('target validation (the server rules, early)', () => {
  it('sends a proportion as a share from 0 to 1 with a margin of 0 or more', () => {
    expect(validateTarget({ value: '99', direction: 'AT_LEAST', atRiskMargin: '2' }, 'RATIO')).toEqual({ errors: {}, input: { value: 0.99, direction: 'AT_LEAST', atRiskMargin: 0.02 } });
    expect(validateTarget({ value: '100', direction: 'AT_MOST', atRiskMargin: '0' }, 'RATIO').input).toEqual({ value: 1, direction: 'AT_MOST', atRiskMargin: 0 });
    const over = validateTarget({ value: '101', direction: 'AT_LEAST', atRiskMargin: '-1' }, 'RATIO');
    expect(over.input).toBeNull();
    expect(over.errors.value).toMatch(/from 0 to 100/);
    expect(over.errors.atRiskMargin).toMatch(/0 or more/);
    expect(validateTarget({ value: '', direction: 'AT_LEAST', atRiskMargin: '2' }, 'RATIO').errors.value).toBeDefined();
    // 0.95 is a valid percentage (0.95 %), not a share: the unit is the label's
    expect(validateTarget({ value: '0.95', direction: 'AT_LEAST', atRiskMargin: '0' }, 'RATIO').input?.value).toBe(0.0095);
  });

  it('checks coefficients from -1 to 1, durations and counts from 0', () => {
    expect(validateTarget({ value: '1.2', direction: 'AT_LEAST', atRiskMargin: '0.05' }, 'COEFFICIENT').errors.value).toMatch(/-1 to 1/);
    expect(validateTarget({ value: '-0.5', direction: 'AT_LEAST', atRiskMargin: '0.05' }, 'COEFFICIENT').input?.value).toBe(-0.5);
    expect(validateTarget({ value: '4 h', direction: 'AT_MOST', atRiskMargin: '30 min' }, 'SECONDS').input).toEqual({ value: 14_400, direction: 'AT_MOST', atRiskMargin: 1_800 });
    expect(validateTarget({ value: 'soon', direction: 'AT_MOST', atRiskMargin: '30 min' }, 'SECONDS').errors.value).toMatch(/duration/);
    expect(validateTarget({ value: '-3', direction: 'AT_LEAST', atRiskMargin: '0' }, 'COUNT').errors.value).toMatch(/0 or more/);
  });
});
