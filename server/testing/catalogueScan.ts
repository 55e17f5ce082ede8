// The catalogue's dimension values as read before migration 0024: every rollup (its daily twin
// where one is kept) grouped by each dimension column, inside a scope's restrictions. Tests compare
// dimension_values with it; the server no longer runs it (it cost ~0.4 s cold at demo scale 20).
import type { Database } from '../db/database.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import type { ScopedDimension } from '../access/access.js';
import { DIMENSIONS } from '../definitions/dimensions.js';
import { ROLLUPS, TABLES, type RollupId } from '../definitions/rollups.js';
import { coarsestCopy } from '../definitions/tableDecider.js';

export async function scannedDimensionValues(db: Database, restrict: readonly [ScopedDimension, readonly string[]][] = []): Promise<Map<Dimension, string[]>> {
  const selects: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [d, values] of restrict) params[`s_${d.toLowerCase()}`] = [...values];
  const where = restrict.map(([d]) => `${DIMENSIONS[d].column} IN {s_${d.toLowerCase()}:Array(String)}`).join(' AND ');
  for (const id of Object.keys(ROLLUPS) as RollupId[]) {
    const r = TABLES[coarsestCopy(id)];
    const kept = r.dimensions as readonly Dimension[];
    if (!restrict.every(([d]) => kept.includes(d))) continue;
    for (const d of r.dimensions) {
      const column = DIMENSIONS[d].column;
      selects.push(`SELECT '${d}' AS dimension, toString(${column}) AS value FROM ${r.table}${where ? ` WHERE ${where}` : ''} GROUP BY value`);
    }
  }
  const out = new Map<Dimension, string[]>();
  if (selects.length === 0) return out;
  const rows = await db.select<{ dimension: Dimension; value: string }>(
    'test.catalogue_scan',
    `SELECT dimension, value FROM (\n${selects.join('\nUNION ALL\n')}\n) WHERE value != '' GROUP BY dimension, value ORDER BY dimension, value`,
    params,
  );
  for (const r of rows) out.set(r.dimension, [...(out.get(r.dimension) ?? []), r.value]);
  return out;
}
