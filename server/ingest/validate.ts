// Parsing and validation of a pushed batch. Pure: a batch either yields rows ready to insert or
// a list of what is wrong, line by line; nothing is written in between.
import { toClickHouseDateTime } from '../domain/time.js';
import { DIMENSION_VALUE, type FieldDef, type StreamDef } from './streams.js';
import { LONE_SURROGATE } from '../domain/text.js';

export interface RowError {
  /** 1-based line of an NDJSON body, or 1-based position in a JSON array */
  line: number;
  field: string | null;
  message: string;
}

export interface ParsedBatch {
  rows: { line: number; value: unknown }[];
  errors: RowError[];
}

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const EARLIEST = Date.UTC(2000, 0, 1) / 1000;
const MAX_ERRORS = 100;

/** NDJSON (one object per line; blank lines ignored) or one JSON array. */
export function parseBatch(body: string, format: 'ndjson' | 'json'): ParsedBatch {
  const rows: ParsedBatch['rows'] = [];
  const errors: RowError[] = [];
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (e) {
      return { rows, errors: [{ line: 1, field: null, message: `not valid JSON: ${(e as Error).message}` }] };
    }
    if (!Array.isArray(value)) return { rows, errors: [{ line: 1, field: null, message: 'a JSON body must be an array of events' }] };
    value.forEach((v, i) => rows.push({ line: i + 1, value: v }));
    return { rows, errors };
  }
  const lines = body.split('\n');
  lines.forEach((text, i) => {
    if (text.trim() === '') return;
    try {
      rows.push({ line: i + 1, value: JSON.parse(text) });
    } catch (e) {
      if (errors.length < MAX_ERRORS) errors.push({ line: i + 1, field: null, message: `not valid JSON: ${(e as Error).message}` });
    }
  });
  return { rows, errors };
}

function parseTime(v: unknown, now: number): number | string {
  let s: number;
  if (typeof v === 'number') s = v;
  else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) s = Date.parse(v) / 1000;
  else return 'must be an ISO-8601 instant with a zone (e.g. 2026-11-16T10:00:00Z) or Unix seconds';
  if (!Number.isFinite(s)) return 'is not a valid instant';
  if (s < EARLIEST || s > now + 86_400) return 'must be between 2000-01-01 and one day from now';
  return Math.floor(s);
}

/** The allowed values, all of them when few; a long list is cut after 12 (the stream's JSON Schema has them all). */
const oneOf = (values: readonly string[]) =>
  values.length > 12
    ? `${values.slice(0, 12).map((x) => (x === '' ? '""' : x)).join(', ')}, … (${values.length} values, listed in the stream's JSON Schema)`
    : values.map((x) => JSON.stringify(x)).join(', ');

/** The stored value of one field, or the message that says why it is wrong. */
function fieldValue(f: FieldDef, v: unknown, now: number): { value: unknown } | { error: string } {
  const t = f.type;
  switch (t.kind) {
    case 'id':
      return typeof v === 'string' && ID.test(v) ? { value: v } : { error: 'must be 1–128 letters, digits or . _ : -' };
    case 'dimension':
      return typeof v === 'string' && (DIMENSION_VALUE.test(v) || (v === '' && !f.required))
        ? { value: v }
        : { error: `must be 1–64 letters, digits or . _ : -, starting with a letter or digit${f.required ? '' : " (or '' for none)"}` };
    case 'name':
      if (typeof v !== 'string') return { error: 'must be a string' };
      if (v.length > t.max) return { error: `must be at most ${t.max} characters` };
      if (LONE_SURROGATE.test(v)) return { error: 'contains a broken character (half of a UTF-16 surrogate pair)' };
      return CONTROL.test(v) ? { error: 'must not contain control characters' } : { value: v };
    case 'time': {
      const s = parseTime(v, now);
      return typeof s === 'string' ? { error: s } : { value: toClickHouseDateTime(s) };
    }
    case 'enum':
      return typeof v === 'string' && t.values.includes(v) ? { value: v } : { error: `must be one of ${oneOf(t.values)}` };
    case 'enumList': {
      if (!Array.isArray(v)) return { error: `must be a JSON array of values from: ${oneOf(t.values)}` };
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        const shown = typeof item === 'string' ? JSON.stringify(item.slice(0, 64)) : typeof item;
        if (typeof item !== 'string' || !t.values.includes(item)) return { error: `item ${i + 1} (${shown}) must be one of ${oneOf(t.values)}` };
        if (v.indexOf(item) < i) return { error: `item ${i + 1} (${shown}) repeats item ${v.indexOf(item) + 1}` };
      }
      return { value: v };
    }
    case 'uint':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= t.max ? { value: v } : { error: `must be a whole number from 0 to ${t.max}` };
    case 'probability':
      return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? { value: v } : { error: 'must be a number from 0 to 1' };
    case 'bool':
      return typeof v === 'boolean' ? { value: v ? 1 : 0 } : { error: 'must be true or false' };
  }
}

export interface ValidBatch {
  /** rows as stored, with their event ids, in input order, each event once */
  rows: { line: number; eventId: string; record: Record<string, unknown> }[];
  /** events repeated inside the batch with the same values (kept once) */
  repeats: number;
  errors: RowError[];
}

export function validateBatch(stream: StreamDef, parsed: ParsedBatch, now = Date.now() / 1000): ValidBatch {
  const errors = [...parsed.errors];
  const rows: ValidBatch['rows'] = [];
  const firstSeen = new Map<string, { line: number; json: string }>();
  let repeats = 0;
  const known = new Set(stream.fields.map((f) => f.name));
  const add = (e: RowError) => errors.length < MAX_ERRORS && errors.push(e);
  for (const { line, value } of parsed.rows) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      add({ line, field: null, message: 'each event must be a JSON object' });
      continue;
    }
    const input = value as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    let ok = true;
    for (const name of Object.keys(input)) {
      if (!known.has(name)) {
        add({ line, field: name.slice(0, 64), message: 'is not a field of this stream' });
        ok = false;
      }
    }
    for (const f of stream.fields) {
      const v = input[f.name];
      if (v === undefined || v === null) {
        if (f.required) {
          add({ line, field: f.name, message: 'is required' });
          ok = false;
        } else record[f.name] = f.default;
        continue;
      }
      const r = fieldValue(f, v, now);
      if ('error' in r) {
        add({ line, field: f.name, message: r.error });
        ok = false;
      } else record[f.name] = r.value;
    }
    if (!ok) continue;
    for (const [field, message] of stream.check?.(input) ?? []) {
      add({ line, field, message });
      ok = false;
    }
    if (!ok) continue;
    const eventId = stream.eventId(input);
    const full = { ...record, ...stream.derive?.(input) };
    const json = JSON.stringify(full);
    const first = firstSeen.get(eventId);
    if (first) {
      if (first.json === json) repeats++;
      else add({ line, field: null, message: `event ${eventId} repeats line ${first.line} with different values` });
      continue;
    }
    firstSeen.set(eventId, { line, json });
    rows.push({ line, eventId, record: full });
  }
  return { rows, repeats, errors };
}
