// Targets: the catalogue's defaults, overridden by what admins set (migration 0009). The overrides
// travel with the data catalogue snapshot, so every answer of a request uses the same targets.
import type { Database } from '../db/database.js';
import { Conflict, badInput } from '../domain/errors.js';
import { run } from '../queries/statements.js';
import { latestVersionStatement, targetOverridesStatement } from '../queries/versionedQueries.js';
import { checkExpectedVersion, currentVersion, now64, writeVersion } from '../queries/versionedWrites.js';
import type { MetricDef, TargetDef } from '../definitions/metricCatalogue.js';

export interface TargetOverride {
  metric: string;
  version: number;
  /** SET: `target` applies; NONE: no target; DEFAULT: the catalogue's applies again */
  state: 'SET' | 'NONE' | 'DEFAULT';
  target: TargetDef | null;
  updatedBy: string;
  updatedAt: string;
}

/** The latest change by metric id; a metric absent here, or DEFAULT, uses the catalogue's target. */
export type TargetOverrides = ReadonlyMap<string, TargetOverride>;

type Row = Record<string, unknown>;

function overrideOf(r: Row): TargetOverride {
  return {
    metric: String(r.metric_id),
    version: Number(r.version),
    state: r.state as TargetOverride['state'],
    target: r.state === 'SET' ? { value: Number(r.value), direction: r.direction as TargetDef['direction'], atRiskMargin: Number(r.at_risk_margin) } : null,
    updatedBy: String(r.updated_by),
    updatedAt: String(r.updated_at),
  };
}

export async function loadTargetOverrides(db: Database): Promise<Map<string, TargetOverride>> {
  const rows = await run<Row>(db, targetOverridesStatement());
  return new Map(rows.map((r) => [String(r.metric_id), overrideOf(r)]));
}

/** The metric with its target in force. */
export function withTarget(def: MetricDef, overrides: TargetOverrides): MetricDef {
  const o = overrides.get(def.id);
  if (!o || o.state === 'DEFAULT') return def;
  const { target: _default, ...rest } = def;
  return o.target ? { ...rest, target: o.target } : rest;
}

/**
 * Sets (target), clears (null) or restores the default ('DEFAULT') of a metric's target, based on
 * `expectedVersion` (0 for a metric never set); a stale change is refused with CONFLICT.
 */
export async function setTarget(db: Database, def: MetricDef, expectedVersion: number, target: TargetDef | null | 'DEFAULT', by: string): Promise<TargetOverride> {
  checkExpectedVersion(expectedVersion, 0);
  if (target && target !== 'DEFAULT') {
    const ratio = def.unit === 'RATIO';
    const range = ratio ? [0, 1] : def.unit === 'COEFFICIENT' ? [-1, 1] : [0, Number.MAX_VALUE];
    if (!Number.isFinite(target.value) || target.value < range[0]! || target.value > range[1]!) {
      const what = ratio ? 'a share from 0 to 1 (e.g. 0.95 for 95 %)' : def.unit === 'COEFFICIENT' ? 'a coefficient from -1 to 1' : 'a number of 0 or more';
      throw badInput(`target.value must be ${what}.`, 'target.value');
    }
    if (!Number.isFinite(target.atRiskMargin) || target.atRiskMargin < 0) throw badInput('target.atRiskMargin must be 0 or more.', 'target.atRiskMargin');
  }
  if (expectedVersion > 0) await currentVersion(db, 'metric_targets', def.id, expectedVersion, 'target');
  else {
    const [latest] = await run<Row>(db, latestVersionStatement('metric_targets', def.id));
    if (latest) {
      throw new Conflict(`This target changed since you loaded it: it is at version ${latest.version}, your change was based on the catalogue's default. Reload it and apply your change again.`, Number(latest.version));
    }
  }
  const set = target && target !== 'DEFAULT' ? target : null;
  const row = {
    metric_id: def.id,
    version: expectedVersion + 1,
    state: target === 'DEFAULT' ? 'DEFAULT' : set ? 'SET' : 'NONE',
    value: set?.value ?? 0,
    direction: set?.direction ?? '',
    at_risk_margin: set?.atRiskMargin ?? 0,
    updated_by: by,
    updated_at: now64(),
  };
  return overrideOf(await writeVersion(db, 'metric_targets', def.id, expectedVersion + 1, row));
}
