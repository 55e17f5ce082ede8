// Validated free-text, code-list, date and instant fields of inputs: each refusal names the
// argument and what was wrong with it.
import { badInput } from './errors.js';
import { LONE_SURROGATE } from './text.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function text(value: string | null | undefined, argument: string, max: number, required: boolean): string {
  const v = (value ?? '').trim();
  if (required && v === '') throw badInput(`${argument} is required.`, argument);
  if (v.length > max) throw badInput(`${argument} must be at most ${max} characters (it has ${v.length}).`, argument);
  if (CONTROL.test(v)) throw badInput(`${argument} must not contain control characters.`, argument);
  if (LONE_SURROGATE.test(v)) throw badInput(`${argument} contains a broken character (half of a UTF-16 surrogate pair); send valid Unicode text.`, argument);
  return v;
}

/**
 * A list of known codes. `shown` is what the error lists (the values the asker may use, when a
 * scope hides some of `allowed`); a known value outside the scope is the caller's to refuse.
 */
export function codes(values: readonly string[] | null | undefined, allowed: readonly string[], argument: string, shown: readonly string[] = allowed): string[] {
  const list = [...new Set(values ?? [])];
  for (const v of list) if (!allowed.includes(v)) throw badInput(`${argument}: unknown value ${JSON.stringify(v.slice(0, 40))}. Allowed: ${shown.join(', ') || 'none'}.`, argument);
  return list;
}

export function day(value: string, argument: string, mondayOnly = false): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw badInput(`${argument} must be a date like 2026-11-16; got ${JSON.stringify(value.slice(0, 30))}.`, argument);
  inDateRange(value, argument);
  if (mondayOnly && new Date(`${value}T00:00:00Z`).getUTCDay() !== 1) throw badInput(`${argument} must be a Monday (the start of an ISO week).`, argument);
  return value;
}

/** The dates the API accepts, like its instants: nothing Vigil holds is older, and ClickHouse's Date ends in 2149. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2099-12-31';

/** Refuses a YYYY-MM-DD date outside [FIRST_DAY, LAST_DAY]. */
export function inDateRange(value: string, argument: string): void {
  if (value < FIRST_DAY || value > LAST_DAY) throw badInput(`${argument} must be a date from ${FIRST_DAY} to ${LAST_DAY}; got ${value}.`, argument);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST = Date.UTC(2000, 0, 1) / 1000;
const LATEST = Date.UTC(2100, 0, 1) / 1000;

/** A value as an error message quotes it: at most 40 characters. */
export const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseInstant(value: string, argument: string): number {
  const ms = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw badInput(`${argument} must be an ISO-8601 instant such as 2026-11-16T00:00:00Z; got ${quote(value)}.`, argument);
  }
  const s = ms / 1000;
  if (s < EARLIEST || s >= LATEST) throw badInput(`${argument} must be between 2000-01-01 and 2100-01-01.`, argument);
  return s;
}
