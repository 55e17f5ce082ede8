// The dimension values present in the data, the span of the data and the targets admins set:
// every filter is checked against them, so they are kept in memory. The values are read from
// dimension_values, which the rollups' views keep as rows arrive (migration 0024: a read costs the
// distinct values, ~10 ms, not a scan of every rollup's keys). Ingestion through this process does
// not read: the batch's values and decision hours are merged into the kept catalogue at once (and,
// for each scope in use, the batch's rows inside that scope into its values). Every minute the
// catalogue is read again in the background — the answer in hand is served meanwhile — which picks
// up what other processes wrote and drops a value a merge listed that no rollup holds (a decision's
// model id). A target change reloads it. A scoped asker also gets the values inside their scope
// (read once per scope and kept the same way): what their filter bar offers and their error
// messages list.
import type { Database } from '../db/database.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { dimensionValues, moderationDataSpan } from '../queries/catalogueQueries.js';
import { fromClickHouseDateTime } from '../domain/time.js';
import { DIMENSIONS } from '../definitions/dimensions.js';
import { ROLLUPS } from '../definitions/rollups.js';
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

const identities = new WeakMap<object, number>();
let nextIdentity = 1;
const identityOf = (o: object | null): number => {
  if (o === null) return 0;
  let id = identities.get(o);
  if (id === undefined) identities.set(o, (id = nextIdentity++));
  return id;
};

/**
 * Changes whenever what an answer may take from the catalogue changes (its values, the asker's
 * values, the span, the targets): answers kept across requests are keyed by it. The parts are
 * replaced, never changed in place, and a batch that adds nothing keeps them (withIngested), so
 * their identities say it.
 */
export function catalogueVersion(c: DataCatalogue): string {
  return `${identityOf(c.values)}.${identityOf(c.visible)}.${identityOf(c.span)}.${identityOf(c.targets)}`;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
const sameValues = (a: Map<Dimension, string[]>, b: Map<Dimension, string[]>) => a.size === b.size && [...a].every(([d, list]) => sameList(list, b.get(d)));
const sameSpan = (a: Base['span'], b: Base['span']) => a === b || (a !== null && b !== null && a.from === b.from && a.to === b.to);
const sameTargets = (a: TargetOverrides, b: TargetOverrides) => a.size === b.size && [...a].every(([id, t]) => JSON.stringify(t) === JSON.stringify(b.get(id)));

/** A read again that found what was in hand keeps the parts in hand, so their version stays. */
function keptWhereSame(before: Base, fresh: Base): Base {
  const values = sameValues(before.values, fresh.values) ? before.values : fresh.values;
  const span = sameSpan(before.span, fresh.span) ? before.span : fresh.span;
  const targets = sameTargets(before.targets, fresh.targets) ? before.targets : fresh.targets;
  return values === before.values && span === before.span && targets === before.targets ? before : { values, span, targets };
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
export function withIngested(c: Base, batch: IngestedRows): Base {
  const values = withIngestedValues(c.values, batch.records);
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

/** Values with every new non-empty value of a dimension column the records carry (the same map when none is new). */
function withIngestedValues(current: Map<Dimension, string[]>, records: readonly Record<string, unknown>[]): Map<Dimension, string[]> {
  let values = current;
  for (const d of CATALOGUE_DIMENSIONS) {
    const column = DIMENSIONS[d].column;
    const known = new Set(values.get(d) ?? []);
    const fresh = new Set<string>();
    for (const r of records) {
      const v = r[column];
      if (typeof v === 'string' && v !== '' && !known.has(v)) fresh.add(v);
    }
    if (fresh.size === 0) continue;
    if (values === current) values = new Map(current);
    // the engine orders values bytewise (ORDER BY value); codes are ASCII, where JS sort agrees
    values.set(d, [...known, ...fresh].sort());
  }
  return values;
}

/** A stored row lies inside a scope when it carries every restricted dimension with an allowed value. */
function insideScope(r: Record<string, unknown>, restricted: readonly [Dimension, readonly string[]][]): boolean {
  return restricted.every(([d, allowed]) => {
    const v = r[DIMENSIONS[d].column];
    return typeof v === 'string' && allowed.includes(v);
  });
}

type Base = Omit<DataCatalogue, 'visible' | 'scopeKey'>;
interface Cached<T> {
  at: number;
  value: Promise<T>;
}

export class DataCatalogueCache {
  private cached: Cached<Base> | null = null;
  /** values inside each scope in use, by scopeKey, with the scope's restrictions */
  private scoped = new Map<string, Cached<Map<Dimension, string[]>> & { restricted: readonly [Dimension, readonly string[]][] }>();
  /** batches merged while a background read runs: they go into its answer too */
  private mergedDuringRefresh: IngestedRows[] | null = null;

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
      const restricted = restrictions(access!);
      const previous = entry?.value;
      // read again after ttlMs: the values in hand are kept when nothing changed (their version stays)
      const value = dimensionValues(this.db, restricted).then(async (fresh) => {
        const before = await previous?.catch(() => null);
        return before && sameValues(before, fresh) ? before : fresh;
      });
      entry = { at: now, value, restricted };
      this.scoped.set(key, entry);
      value.catch(() => this.scoped.delete(key));
    }
    return { ...base, visible: await entry.value, scopeKey: key };
  }

  private base(): Promise<Base> {
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
    for (const [key, scoped] of this.scoped) {
      const inside = batch.records.filter((r) => insideScope(r, scoped.restricted));
      if (inside.length === 0) continue;
      scoped.value = scoped.value.then((values) => withIngestedValues(values, inside));
      scoped.value.catch(() => this.scoped.get(key) === scoped && this.scoped.delete(key));
    }
    if (!this.cached) return; // the next read sees them
    const entry = this.cached;
    entry.value = entry.value.then((c) => withIngested(c, batch));
    entry.value.catch(() => this.cached === entry && (this.cached = null));
  }

  /** After a target changes (or to read everything again): the next request reads anew. */
  invalidate(): void {
    this.cached = null;
    this.scoped.clear();
    this.mergedDuringRefresh = null;
  }

  private load(): Promise<Base> {
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
        const next = merged.reduce(withIngested, fresh);
        this.cached = { at: Date.now(), value: before!.value.then((b) => keptWhereSame(b, next), () => next) };
      },
      () => {
        if (this.mergedDuringRefresh === merged) this.mergedDuringRefresh = null;
      },
    );
  }
}
