// The dimension values present in the data, the span of the data and the targets admins set,
// cached for a minute: every filter is checked against them, and reading them scans every
// rollup's keys. Ingestion and target changes through this process clear the cache at once.
import type { Database } from '../db/database.js';
import type { Dimension } from '../graphql/generated.js';
import { dimensionValues, moderationDataSpan } from '../queries/catalogueQueries.js';
import { loadTargetOverrides, type TargetOverrides } from './targets.js';

export interface DataCatalogue {
  values: Map<Dimension, string[]>;
  span: { from: number; to: number } | null;
  targets: TargetOverrides;
}

export class DataCatalogueCache {
  private cached: { at: number; value: Promise<DataCatalogue> } | null = null;

  constructor(private readonly db: Database, private readonly ttlMs = 60_000) {}

  get(): Promise<DataCatalogue> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      const value = Promise.all([dimensionValues(this.db), moderationDataSpan(this.db), loadTargetOverrides(this.db)]).then(([values, span, targets]) => ({ values, span, targets }));
      this.cached = { at: now, value };
      value.catch(() => (this.cached = null));
    }
    return this.cached.value;
  }

  /** After new data arrives (ingestion, tests) or a target changes. */
  invalidate(): void {
    this.cached = null;
  }
}
