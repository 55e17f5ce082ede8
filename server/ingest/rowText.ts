// The raw table's rows of a batch as text, as they are journaled and inserted (migration 0023):
// TabSeparatedWithNames — a header line with the stream's columns, then one line of values per
// row. A value left out of a stored record (an optional field at its zero default, or an optional
// time without one) is an empty field, which the insert reads as the column's DEFAULT
// (input_format_tsv_empty_as_default), exactly as it reads a field left out of a JSON row; so is
// an empty string, so no column a stream can send '' to may have any other DEFAULT
// (rowText.test.ts checks it against the migrated engine). Less than half the bytes of the same
// rows as JSONEachRow, which the engine parses twice per batch (journal, raw table).
import type { StreamDef } from './streams.js';
import type { ValidBatch } from './validate.js';

export const ROW_FORMAT = 'TabSeparatedWithNames';

const columnsOf = new WeakMap<StreamDef, readonly string[]>();

/** Every column a stored record of the stream may carry: its fields, then the derived ones. */
export function storedColumns(stream: StreamDef): readonly string[] {
  let columns = columnsOf.get(stream);
  if (!columns) {
    const fields = stream.fields.map((f) => f.name);
    columns = [...fields, ...Object.keys(stream.derive?.(stream.example) ?? {}).filter((c) => !fields.includes(c))];
    columnsOf.set(stream, columns);
  }
  return columns;
}

/** The header line of a batch's rows. */
export const rowHeader = (stream: StreamDef) => `${storedColumns(stream).join('\t')}\n`;

const ESCAPED = /[\\\t\n\r']/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', "'": "\\'" };
/** TabSeparated escaping of a string (a quote is escaped too, as inside an array's literal). */
const escape = (s: string) => (ESCAPED.test(s) ? s.replace(/[\\\t\n\r']/g, (c) => ESCAPES[c]!) : s);

function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return escape(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v)) return `[${v.map((x) => `'${escape(String(x))}'`).join(',')}]`;
  throw new Error(`a stored value of type ${typeof v} has no text form`);
}

/** Writes one column's value; a kind whose values cannot hold a special character is not escaped. */
type ValueWriter = (v: unknown) => string;
const plain: ValueWriter = (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

const writersOf = new WeakMap<StreamDef, ValueWriter[]>();
/** One writer per stored column: ids, dimensions, enums, times and numbers are never escaped (validation allows no special character in them). */
function writers(stream: StreamDef): ValueWriter[] {
  let out = writersOf.get(stream);
  if (!out) {
    const kinds = new Map(stream.fields.map((f) => [f.name, f.type.kind]));
    out = storedColumns(stream).map((c) => {
      const kind = kinds.get(c);
      if (kind === 'name' || kind === undefined) return valueText;
      if (kind === 'enumList') return (v) => (v === undefined ? '' : valueText(v));
      return plain;
    });
    writersOf.set(stream, out);
  }
  return out;
}

/** One stored record as a line of values in the given column order. */
export function rowLine(columns: readonly string[], record: Record<string, unknown>, write: readonly ValueWriter[] = columns.map(() => valueText)): string {
  let line = write[0]!(record[columns[0]!]);
  for (let i = 1; i < columns.length; i++) line += `\t${write[i]!(record[columns[i]!])}`;
  return `${line}\n`;
}

/**
 * A batch ready to write: its events' ids and their stored rows as text (rowText.ts, without the
 * header line), in the same order, each event once — what validation, in this thread or a
 * worker, makes of a request.
 */
export interface PreparedBatch {
  ids: string[];
  /** one line of values per id, each ending in a newline */
  lines: string;
  /** events repeated inside the batch with the same values (kept once) */
  repeats: number;
}

/** A validated batch's rows as text. */
export function prepareBatch(stream: StreamDef, batch: ValidBatch): PreparedBatch {
  const columns = storedColumns(stream);
  const write = writers(stream);
  let lines = '';
  for (const r of batch.rows) lines += rowLine(columns, r.record, write);
  return { ids: batch.rows.map((r) => r.eventId), lines, repeats: batch.repeats };
}

