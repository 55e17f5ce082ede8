// What a validation worker (validationPool.ts) makes of a request's body: parsed, validated and
// serialised for the journal, or the errors that refuse it. Pure, and the same in any thread.
import { parseBatch, validateBatch, type RowError } from './validate.js';
import { prepareBatch, storedColumns, type PreparedBatch } from './rowText.js';
import { streamByName, type StreamDef } from './streams.js';

export interface PrepareRequest {
  stream: string;
  format: 'ndjson' | 'json';
  text: string;
  /** Unix seconds validation measures "one day from now" from */
  now: number;
}

export type PreparedRequest =
  | { ok: true; batch: PreparedBatch; catalogue: Record<string, unknown>[] }
  | { ok: false; empty: boolean; errors: RowError[] };

/** Columns the catalogue of dimension values reads from stored rows: the fields of a closed or dimension-like kind, and derived ones. */
const catalogueColumnsOf = new WeakMap<StreamDef, readonly string[]>();
function catalogueColumns(stream: StreamDef): readonly string[] {
  let columns = catalogueColumnsOf.get(stream);
  if (!columns) {
    const fields = new Map(stream.fields.map((f) => [f.name, f.type.kind]));
    columns = storedColumns(stream).filter((c) => !fields.has(c) || fields.get(c) === 'enum' || fields.get(c) === 'dimension');
    catalogueColumnsOf.set(stream, columns);
  }
  return columns;
}

/**
 * The batch's rows as the catalogue of dimension values needs them (metrics/dataInventory.ts
 * withIngested): each distinct combination of their dimension values, with decided_at cut to its
 * hour. A few hundred objects instead of 10,000, and the catalogue reads the same values and span.
 */
function catalogueRows(stream: StreamDef, records: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const columns = catalogueColumns(stream);
  const out: Record<string, unknown>[] = [];
  // a tree of the combinations seen, one level per column (the hour last): no key text per record
  const root = new Map<unknown, unknown>();
  for (const r of records) {
    const hour = typeof r.decided_at === 'string' ? `${r.decided_at.slice(0, 13)}:00:00` : undefined;
    let node = root;
    for (const c of columns) {
      let next = node.get(r[c]) as Map<unknown, unknown> | undefined;
      if (!next) node.set(r[c], (next = new Map()));
      node = next;
    }
    if (node.has(hour)) continue;
    node.set(hour, true);
    const row: Record<string, unknown> = {};
    for (const c of columns) if (r[c] !== undefined) row[c] = r[c];
    if (hour !== undefined) row.decided_at = hour;
    out.push(row);
  }
  return out;
}

export function prepareRequest(request: PrepareRequest): PreparedRequest {
  const stream = streamByName.get(request.stream);
  if (!stream) throw new Error(`unknown stream ${request.stream}`);
  const parsed = parseBatch(request.text, request.format);
  if (parsed.rows.length + parsed.errors.length === 0) return { ok: false, empty: true, errors: [] };
  const valid = validateBatch(stream, parsed, request.now);
  if (valid.errors.length > 0) return { ok: false, empty: false, errors: valid.errors };
  return { ok: true, batch: prepareBatch(stream, valid), catalogue: catalogueRows(stream, valid.rows.map((r) => r.record)) };
}
