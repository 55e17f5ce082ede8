// Parsing and validation of a pushed batch. Pure: a batch either yields rows ready to insert or
// a list of what is wrong, line by line; nothing is written in between.
import { DIMENSION_VALUE, type FieldDef, type StreamDef } from './streams.js';
import { LONE_SURROGATE } from '../domain/text.js';
import { parseInstantMs, toClickHouseDateTime } from '../domain/time.js';

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

/** Unix seconds of an ISO-8601 instant or Unix seconds, or the message that says why it is not one. */
function parseTime(v: unknown, now: number): number | string {
  let s: number;
  if (typeof v === 'number') s = v;
  else if (typeof v === 'string' && ISO_INSTANT.test(v)) s = parseInstantMs(v) / 1000;
  else return 'must be an ISO-8601 instant with a zone (e.g. 2026-11-16T10:00:00Z) or Unix seconds';
  if (!Number.isFinite(s)) return 'is not a valid instant';
  if (s < EARLIEST || s > now + 86_400) return 'must be between 2000-01-01 and one day from now';
  return Math.floor(s);
}
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The allowed values, all of them when few; a long list is cut after 12 (the stream's JSON Schema has them all). */
const oneOf = (values: readonly string[]) =>
  values.length > 12
    ? `${values.slice(0, 12).map((x) => (x === '' ? '""' : x)).join(', ')}, … (${values.length} values, listed in the stream's JSON Schema)`
    : values.map((x) => JSON.stringify(x)).join(', ');

/** Checks one field's value and returns what is stored, or sets `error` and returns undefined.
 *  One checker per field, built once per stream: the per-row work allocates nothing but the record. */
type Checker = (v: unknown, now: number, out: { error: string }) => unknown;

function checkerOf(f: FieldDef): Checker {
  const t = f.type;
  const fail = (out: { error: string }, error: string) => {
    out.error = error;
    return undefined;
  };
  switch (t.kind) {
    case 'id':
      return (v, _now, out) => (typeof v === 'string' && ID.test(v) ? v : fail(out, 'must be 1–128 letters, digits or . _ : -'));
    case 'dimension': {
      const message = `must be 1–64 letters, digits or . _ : -, starting with a letter or digit${f.required ? '' : " (or '' for none)"}`;
      return (v, _now, out) => (typeof v === 'string' && (DIMENSION_VALUE.test(v) || (v === '' && !f.required)) ? v : fail(out, message));
    }
    case 'name':
      return (v, _now, out) => {
        if (typeof v !== 'string') return fail(out, 'must be a string');
        if (v.length > t.max) return fail(out, `must be at most ${t.max} characters`);
        if (LONE_SURROGATE.test(v)) return fail(out, 'contains a broken character (half of a UTF-16 surrogate pair)');
        return CONTROL.test(v) ? fail(out, 'must not contain control characters') : v;
      };
    case 'time':
      return (v, now, out) => {
        const s = parseTime(v, now);
        return typeof s === 'string' ? fail(out, s) : toClickHouseDateTime(s);
      };
    case 'enum': {
      const allowed = new Set(t.values);
      const message = `must be one of ${oneOf(t.values)}`;
      return (v, _now, out) => (typeof v === 'string' && allowed.has(v) ? v : fail(out, message));
    }
    case 'uint': {
      const message = `must be a whole number from 0 to ${t.max}`;
      return (v, _now, out) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= t.max ? v : fail(out, message));
    }
    case 'enumList': {
      const allowed = new Set(t.values);
      const notList = `must be a JSON array of values from: ${oneOf(t.values)}`;
      return (v, _now, out) => {
        if (!Array.isArray(v)) return fail(out, notList);
        for (let i = 0; i < v.length; i++) {
          const item: unknown = v[i];
          const shown = typeof item === 'string' ? JSON.stringify(item.slice(0, 64)) : typeof item;
          if (typeof item !== 'string' || !allowed.has(item)) return fail(out, `item ${i + 1} (${shown}) must be one of ${oneOf(t.values)}`);
          if (v.indexOf(item) < i) return fail(out, `item ${i + 1} (${shown}) repeats item ${v.indexOf(item) + 1}`);
        }
        return v;
      };
    }
    case 'probability':
      return (v, _now, out) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : fail(out, 'must be a number from 0 to 1'));
    case 'bool':
      return (v, _now, out) => (typeof v === 'boolean' ? (v ? 1 : 0) : fail(out, 'must be true or false'));
  }
}

interface CompiledStream {
  known: ReadonlySet<string>;
  fields: { def: FieldDef; check: Checker; leftOutWhenZero: boolean }[];
}

/** '', 0 (false is stored as 0) or an empty list: the value ClickHouse gives a column of that type. */
const isZero = (v: unknown) => v === '' || v === 0 || (Array.isArray(v) && v.length === 0);

const compiled = new WeakMap<StreamDef, CompiledStream>();
function compile(stream: StreamDef): CompiledStream {
  let c = compiled.get(stream);
  if (!c) {
    c = {
      known: new Set(stream.fields.map((f) => f.name)),
      // an optional field whose default is its type's zero value is left out of the stored record
      // when it is that value (given or not): the insert fills it with the column's default, the
      // same value (ingest/defaults.test.ts checks every such column), and the batch's JSON text —
      // made, copied, journaled and parsed again by the engine — is about 40 % shorter
      fields: stream.fields.map((def) => ({ def, check: checkerOf(def), leftOutWhenZero: !def.required && isZero(def.default) })),
    };
    compiled.set(stream, c);
  }
  return c;
}

export interface ValidBatch {
  /** rows as stored (an optional field at its zero default left out: the column gives it), with their event ids, in input order, each event once */
  rows: { line: number; eventId: string; record: Record<string, unknown> }[];
  /** events repeated inside the batch with the same values (kept once) */
  repeats: number;
  errors: RowError[];
}

export function validateBatch(stream: StreamDef, parsed: ParsedBatch, now = Date.now() / 1000): ValidBatch {
  const errors = [...parsed.errors];
  const rows: ValidBatch['rows'] = [];
  /** index in `rows` of each event id's first row; a repeat is compared with it (rare, so the
   *  comparison's JSON text is made only then) */
  const firstSeen = new Map<string, number>();
  let repeats = 0;
  const { known, fields } = compile(stream);
  const add = (e: RowError) => errors.length < MAX_ERRORS && errors.push(e);
  const out = { error: '' };
  for (const { line, value } of parsed.rows) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      add({ line, field: null, message: 'each event must be a JSON object' });
      continue;
    }
    const input = value as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    let ok = true;
    for (const name in input) {
      if (!known.has(name)) {
        add({ line, field: name.slice(0, 64), message: 'is not a field of this stream' });
        ok = false;
      }
    }
    for (const { def, check, leftOutWhenZero } of fields) {
      const v = input[def.name];
      if (v === undefined || v === null) {
        if (def.required) {
          add({ line, field: def.name, message: 'is required' });
          ok = false;
        } else if (!leftOutWhenZero) record[def.name] = def.default;
        continue;
      }
      const stored = check(v, now, out);
      if (stored === undefined) {
        add({ line, field: def.name, message: out.error });
        ok = false;
      } else if (!(leftOutWhenZero && isZero(stored))) record[def.name] = stored;
    }
    if (!ok) continue;
    for (const [field, message] of stream.check?.(input) ?? []) {
      add({ line, field, message });
      ok = false;
    }
    if (!ok) continue;
    const eventId = stream.eventId(input);
    if (stream.derive) Object.assign(record, stream.derive(input));
    const first = firstSeen.get(eventId);
    if (first !== undefined) {
      const kept = rows[first]!;
      if (JSON.stringify(kept.record) === JSON.stringify(record)) repeats++;
      else add({ line, field: null, message: `event ${eventId} repeats line ${kept.line} with different values` });
      continue;
    }
    firstSeen.set(eventId, rows.length);
    rows.push({ line, eventId, record });
  }
  return { rows, repeats, errors };
}
