// Statements that differ only in their measures are sent to the engine as one. A page asks many
// figures of the same rollup over the same slice — the Overview's KPIs read decisions, the
// proactive rate and time to action from the same daily rows, its sparklines the same again by
// day — and on the engine a statement's fixed cost (parsing, planning, opening the parts: 3–10 ms)
// is most of what a small rollup read costs. So statements built with a shape (metricQuery.ts:
// the text before the measures, the measures, the text after them) and issued in the same turn of
// the event loop are merged when their operation, shape and bound parameters are equal: one
// SELECT with every statement's measures under its own alias, whose rows are handed back to each
// caller with its own column names. The keys, the WHERE and the GROUP BY are the same text with the
// same values, so each caller gets exactly the rows its own statement would have returned.
import type { Database } from '../db/database.js';

export interface MergeShape {
  /** SELECT and the key columns, up to the measures */
  head: string;
  /** the measures: (alias, aggregate expression) */
  measures: readonly (readonly [alias: string, sql: string])[];
  /** FROM … WHERE … GROUP BY … after the measures */
  tail: string;
}

interface Waiting {
  measures: MergeShape['measures'];
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (e: unknown) => void;
}

interface Batch {
  operation: string;
  shape: MergeShape;
  params: Record<string, unknown>;
  waiting: Waiting[];
}

const pending = new WeakMap<Database, Map<string, Batch>>();

/** Runs a shaped statement, with the others of the same shape asked in the same turn. */
export function mergedSelect<T>(db: Database, operation: string, shape: MergeShape, params: Record<string, unknown>): Promise<T[]> {
  let batches = pending.get(db);
  if (!batches) {
    batches = new Map();
    pending.set(db, batches);
    const mine = batches;
    // after every caller of this turn has asked (their promises resolved in microtasks first)
    setImmediate(() => {
      pending.delete(db);
      for (const batch of mine.values()) void runBatch(db, batch);
    });
  }
  const key = JSON.stringify([operation, shape.head, shape.tail, params]);
  let batch = batches.get(key);
  if (!batch) {
    batch = { operation, shape, params, waiting: [] };
    batches.set(key, batch);
  }
  return new Promise<T[]>((resolve, reject) => batch.waiting.push({ measures: shape.measures, resolve: resolve as Waiting['resolve'], reject }));
}

const alias = (i: number, name: string) => `m${i}_${name}`;

async function runBatch(db: Database, batch: Batch): Promise<void> {
  const { waiting, shape } = batch;
  if (waiting.length === 1) {
    const only = waiting[0]!;
    const sql = `${shape.head}${only.measures.map(([name, sql]) => `${sql} AS ${name}`).join(',\n  ')}${shape.tail}`;
    await db.select<Record<string, unknown>>(batch.operation, sql, batch.params).then(only.resolve, only.reject);
    return;
  }
  const measures = waiting.flatMap((w, i) => w.measures.map(([name, sql]) => `${sql} AS ${alias(i, name)}`));
  try {
    const rows = await db.select<Record<string, unknown>>(batch.operation, `${shape.head}${measures.join(',\n  ')}${shape.tail}`, batch.params);
    const own = new Set(waiting.flatMap((w, i) => w.measures.map(([name]) => alias(i, name))));
    waiting.forEach((w, i) => {
      w.resolve(rows.map((row) => {
        const out: Record<string, unknown> = {};
        for (const [column, value] of Object.entries(row)) if (!own.has(column)) out[column] = value;
        for (const [name] of w.measures) out[name] = row[alias(i, name)];
        return out;
      }));
    });
  } catch (e) {
    for (const w of waiting) w.reject(e);
  }
}
