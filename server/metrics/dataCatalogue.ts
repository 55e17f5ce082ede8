// The dimension values present in the data, the span of the data and the targets admins set,
// cached for a minute: every filter is checked against them, and reading them scans every
// rollup's keys. Ingestion and target changes through this process clear the cache at once.
// A scoped asker also gets the values inside their scope (read once per scope and cached the
// same way): what their filter bar offers and their error messages list.
import type { Database } from '../db/database.js';
import type { Dimension } from '../graphql/generated.js';
import { dimensionValues, moderationDataSpan } from '../queries/catalogueQueries.js';
import { loadTargetOverrides, type TargetOverrides } from './targets.js';
import { restrictions, scopeKey, type Access } from '../access/access.js';

export interface DataCatalogue {
  /** every value in the data (to tell an unknown value from one outside the scope) */
  values: Map<Dimension, string[]>;
  /** the values in the data inside the asker's scope: rows of rollups that keep every restricted dimension */
  visible: Map<Dimension, string[]>;
  /** the scope `visible` was read for (scopeKey); parseFilters refuses a catalogue read for another */
  scopeKey: string;
  span: { from: number; to: number } | null;
  targets: TargetOverrides;
}

type Base = Omit<DataCatalogue, 'visible' | 'scopeKey'>;
interface Cached<T> {
  at: number;
  value: Promise<T>;
}

export class DataCatalogueCache {
  private cached: Cached<Base> | null = null;
  private scoped = new Map<string, Cached<Map<Dimension, string[]>>>();

  constructor(private readonly db: Database, private readonly ttlMs = 60_000) {}

  /** The catalogue as `access` may see it (no access: unscoped, for the command line and admin checks). */
  async get(access?: Access): Promise<DataCatalogue> {
    const base = await this.base();
    const key = access ? scopeKey(access) : '';
    if (key === '') return { ...base, visible: base.values, scopeKey: '' };
    const now = Date.now();
    let entry = this.scoped.get(key);
    if (!entry || now - entry.at > this.ttlMs) {
      // one entry per scope in use: expired ones of scopes no longer asked for are dropped here
      for (const [k, e] of this.scoped) if (now - e.at > this.ttlMs) this.scoped.delete(k);
      const value = dimensionValues(this.db, restrictions(access!));
      entry = { at: now, value };
      this.scoped.set(key, entry);
      value.catch(() => this.scoped.delete(key));
    }
    return { ...base, visible: await entry.value, scopeKey: key };
  }

  private base(): Promise<Base> {
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
    this.scoped.clear();
  }
}
