// The dimension values present in the data, the span of the data and the targets admins set:
// every filter is checked against them, and reading them scans every rollup's keys (~0.6 s on a
// year of data), so they are kept in memory. Ingestion through this process does not rescan: the
// batch's values and decision hours are merged into the kept catalogue at once. Every minute the
// catalogue is read again in the background — the answer in hand is served meanwhile — which picks
// up what other processes wrote. A target change reloads it.
import type { Database } from '../db/database.js';
import type { Dimension } from '../graphql/generated.js';
import { dimensionValues, moderationDataSpan } from '../queries/catalogueQueries.js';
import { fromClickHouseDateTime } from '../domain/time.js';
import { DIMENSIONS } from './dimensions.js';
import { ROLLUPS } from './rollups.js';
import { loadTargetOverrides, type TargetOverrides } from './targets.js';

export interface DataCatalogue {
  values: Map<Dimension, string[]>;
  span: { from: number; to: number } | null;
  targets: TargetOverrides;
}

/** Stored rows of one table, as ingestion wrote them (column → value). */
export interface IngestedRows {
  table: string;
  records: readonly Record<string, unknown>[];
}

/** Dimensions the catalogue lists: those of some rollup. */
const CATALOGUE_DIMENSIONS: readonly Dimension[] = [...new Set(Object.values(ROLLUPS).flatMap((r) => r.dimensions as readonly Dimension[]))];

/**
 * The catalogue with a batch in it: every non-empty value of a dimension column the rows carry, and
 * the span widened to their decision hours (moderation_hourly buckets decisions by
 * toStartOfHour(decided_at), migration 0002). Values are only ever added, so this is exact for new
 * values; one a rollup never shows (a decision's model id) is listed until the next full read.
 */
export function withIngested(c: DataCatalogue, batch: IngestedRows): DataCatalogue {
  let values = c.values;
  for (const d of CATALOGUE_DIMENSIONS) {
    const column = DIMENSIONS[d].column;
    const known = new Set(values.get(d) ?? []);
    const fresh = new Set<string>();
    for (const r of batch.records) {
      const v = r[column];
      if (typeof v === 'string' && v !== '' && !known.has(v)) fresh.add(v);
    }
    if (fresh.size === 0) continue;
    if (values === c.values) values = new Map(c.values);
    // the engine orders values bytewise (ORDER BY value); codes are ASCII, where JS sort agrees
    values.set(d, [...known, ...fresh].sort());
  }
  let span = c.span;
  if (batch.table === 'moderation_decisions') {
    for (const r of batch.records) {
      if (typeof r.decided_at !== 'string') continue;
      const hour = Math.floor(fromClickHouseDateTime(r.decided_at) / 3600) * 3600;
      span = span ? { from: Math.min(span.from, hour), to: Math.max(span.to, hour) } : { from: hour, to: hour };
    }
  }
  return values === c.values && span === c.span ? c : { ...c, values, span };
}

export class DataCatalogueCache {
  private cached: { at: number; value: Promise<DataCatalogue> } | null = null;
  /** batches merged while a background read runs: they go into its answer too */
  private mergedDuringRefresh: IngestedRows[] | null = null;

  constructor(private readonly db: Database, private readonly ttlMs = 60_000) {}

  get(): Promise<DataCatalogue> {
    const now = Date.now();
    if (!this.cached) {
      const value = this.load();
      const entry = { at: now, value };
      this.cached = entry;
      value.catch(() => this.cached === entry && (this.cached = null));
    } else if (now - this.cached.at > this.ttlMs && !this.mergedDuringRefresh) this.refresh();
    return this.cached.value;
  }

  /** After ingestion stored rows: merged into the catalogue in hand, no rescan. */
  noteIngested(batch: IngestedRows): void {
    this.mergedDuringRefresh?.push(batch);
    if (!this.cached) return; // the next read sees them
    const entry = this.cached;
    entry.value = entry.value.then((c) => withIngested(c, batch));
    entry.value.catch(() => this.cached === entry && (this.cached = null));
  }

  /** After a target changes (or to read everything again): the next request reads anew. */
  invalidate(): void {
    this.cached = null;
    this.mergedDuringRefresh = null;
  }

  private load(): Promise<DataCatalogue> {
    return Promise.all([dimensionValues(this.db), moderationDataSpan(this.db), loadTargetOverrides(this.db)]).then(([values, span, targets]) => ({ values, span, targets }));
  }

  /** Reads everything again while the catalogue in hand keeps being served. */
  private refresh(): void {
    const merged: IngestedRows[] = [];
    this.mergedDuringRefresh = merged;
    const before = this.cached;
    this.cached!.at = Date.now(); // one background read at a time, even if it fails
    this.load().then(
      (fresh) => {
        if (this.mergedDuringRefresh !== merged) return; // invalidated meanwhile
        this.mergedDuringRefresh = null;
        if (this.cached !== before) return;
        this.cached = { at: Date.now(), value: Promise.resolve(merged.reduce(withIngested, fresh)) };
      },
      () => {
        if (this.mergedDuringRefresh === merged) this.mergedDuringRefresh = null;
      },
    );
  }
}
