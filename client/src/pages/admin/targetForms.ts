// The target editor without React: values typed in the metric's display unit (percent for
// proportions, durations as the app writes them), turned into the API's units, and checked by the
// server's rules (server/metrics/targets.ts) first so a typo costs no round trip.
import { formatMargin, formatMetricValue } from '../../format';
import type { TargetChange, TargetInput, Unit } from '../../generated/graphql';
import type { Errors } from './adminForms';

export type TargetDirection = 'AT_LEAST' | 'AT_MOST';
export const DIRECTIONS: readonly { value: TargetDirection; label: string }[] = [
  { value: 'AT_LEAST', label: 'At least (≥)' },
  { value: 'AT_MOST', label: 'At most (≤)' },
];

export interface TargetValue {
  value: number;
  direction: string;
  atRiskMargin: number;
}

/** What the admin types: text in display units, so a half-typed "9" or "1 h 3" stays as typed. */
export interface TargetDraft {
  value: string;
  direction: TargetDirection;
  atRiskMargin: string;
}
export type TargetField = 'value' | 'direction' | 'atRiskMargin';
export const TARGET_FIELDS: readonly TargetField[] = ['value', 'direction', 'atRiskMargin'];

/** The unit beside each input: a proportion's target in percent, its margin in percentage points. */
export function unitHint(unit: Unit): { value: string; margin: string } {
  switch (unit) {
    case 'RATIO':
      return { value: '%', margin: 'pts' };
    case 'SECONDS':
      return { value: 'duration', margin: 'duration' };
    case 'PER_HOUR':
      return { value: 'per hour', margin: 'per hour' };
    case 'COUNT':
      return { value: 'count', margin: 'count' };
    case 'COEFFICIENT':
      return { value: 'coefficient', margin: 'coefficient' };
  }
}

/** Without binary noise: 0.95 × 100 is 94.99999999999999. */
const clean = (n: number) => Number(n.toFixed(9));

const DURATION_UNITS: readonly [number, string][] = [
  [86_400, 'd'],
  [3_600, 'h'],
  [60, 'min'],
];

/**
 * Seconds as an editable duration, exactly (formatDuration rounds, which an editor must not):
 * 9000 → "2 h 30 min", 45 → "45 s", 93784 → "1 d 2 h 3 min 4 s".
 */
export function durationText(seconds: number): string {
  if (seconds === 0) return '0 s';
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of DURATION_UNITS) {
    const n = Math.floor(clean(rest / size));
    if (n > 0) {
      parts.push(`${n} ${name}`);
      rest = clean(rest - n * size);
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${clean(rest)} s`);
  return parts.join(' ');
}

const DURATION_PART = /(\d+(?:\.\d+)?|\.\d+)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)?(?![a-z])/giy;
const SECONDS_OF: Record<string, number> = { d: 86_400, h: 3_600, m: 60, s: 1 };

/** "2 h 05 min", "1.5 h", "45 s", "90" (seconds) → seconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const s = text.trim();
  if (!s) return null;
  DURATION_PART.lastIndex = 0;
  let total = 0;
  let i = 0;
  let parts = 0;
  while (i < s.length) {
    DURATION_PART.lastIndex = i;
    const m = DURATION_PART.exec(s);
    if (!m) return null;
    const unit = (m[2] ?? 's').toLowerCase();
    // "m" and "min…" are minutes; the first letter names every other unit
    total += Number(m[1]) * (unit.startsWith('mi') || unit === 'm' ? 60 : SECONDS_OF[unit[0]!]!);
    parts += 1;
    i = DURATION_PART.lastIndex;
    while (s[i] === ' ' || s[i] === ',') i += 1;
  }
  return parts > 0 ? clean(total) : null;
}

/** A plain number as typed ("95", "95 %", "0.5"); null when it is not one. */
function parseNumber(text: string, strip: RegExp): number | null {
  const s = text.trim().replace(strip, '').trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** An API value (a share for RATIO, seconds for SECONDS) as the editor shows it. */
export function toDisplay(value: number, unit: Unit): string {
  switch (unit) {
    case 'RATIO':
      return String(clean(value * 100));
    case 'SECONDS':
      return durationText(value);
    default:
      return String(clean(value));
  }
}

/** What the admin typed, in the API's unit; null when it does not read as a number of that unit. */
export function fromDisplay(text: string, unit: Unit): number | null {
  switch (unit) {
    case 'RATIO': {
      const n = parseNumber(text, /\s*(%|pts?|points?)$/i);
      return n === null ? null : clean(n / 100);
    }
    case 'SECONDS':
      return parseDuration(text);
    case 'PER_HOUR':
      return parseNumber(text, /\s*\/\s*h(our)?$/i);
    default:
      return parseNumber(text, /$^/);
  }
}

/** The editor's starting point: the target in force, else the default, else an empty AT_LEAST/AT_MOST by the good direction. */
export function targetDraft(target: TargetValue | null | undefined, unit: Unit, goodDirection: string): TargetDraft {
  if (!target) return { value: '', direction: goodDirection === 'DOWN' ? 'AT_MOST' : 'AT_LEAST', atRiskMargin: toDisplay(0, unit) };
  return { value: toDisplay(target.value, unit), direction: target.direction === 'AT_MOST' ? 'AT_MOST' : 'AT_LEAST', atRiskMargin: toDisplay(target.atRiskMargin, unit) };
}

function valueProblem(unit: Unit): string {
  switch (unit) {
    case 'RATIO':
      return 'A percentage from 0 to 100 (95 for 95 %).';
    case 'SECONDS':
      return 'A duration such as 45 s, 30 min, 4 h or 1 h 30 min.';
    case 'COEFFICIENT':
      return 'A coefficient from -1 to 1.';
    default:
      return 'A number of 0 or more.';
  }
}

/** The input to send, or what is wrong field by field (the server's ranges: a share 0–1, a coefficient −1–1, else ≥ 0; a margin ≥ 0). */
export function validateTarget(draft: TargetDraft, unit: Unit): { errors: Errors<TargetField>; input: TargetInput | null } {
  const errors: Errors<TargetField> = {};
  const value = fromDisplay(draft.value, unit);
  const [low, high] = unit === 'RATIO' ? [0, 1] : unit === 'COEFFICIENT' ? [-1, 1] : [0, Number.MAX_VALUE];
  if (value === null || value < low || value > high) errors.value = valueProblem(unit);
  const margin = fromDisplay(draft.atRiskMargin, unit);
  if (margin === null || margin < 0) {
    errors.atRiskMargin = unit === 'RATIO' ? 'Percentage points, 0 or more (2 for 2 pts).' : unit === 'SECONDS' ? 'A duration, 0 s or more.' : '0 or more.';
  }
  if (draft.direction !== 'AT_LEAST' && draft.direction !== 'AT_MOST') errors.direction = 'At least or at most.';
  if (Object.keys(errors).length || value === null || margin === null) return { errors, input: null };
  return { errors, input: { value, direction: draft.direction, atRiskMargin: margin } };
}

/** "≥ 80.0% (at risk within 3.0 pts)", or "No target". */
export function targetText(target: TargetValue | null | undefined, unit: Unit): string {
  if (!target) return 'No target';
  return `${target.direction === 'AT_MOST' ? '≤' : '≥'} ${formatMetricValue(target.value, unit)} (at risk within ${formatMargin(target.atRiskMargin, unit)})`;
}

/** What a change does, in the words of the buttons and the audit log. */
export const CHANGE_TEXT: Record<TargetChange, string> = { SET: 'set', NONE: 'removed', DEFAULT: 'restored to the default' };
