// Evaluating a rule over a run of hours (days for metrics kept per day): the series are read once
// for the whole run (with the history the condition needs), each hour's window is judged per
// group, and a small state machine turns "the condition holds" into OK → PENDING → FIRING → OK
// with the rule's minimum duration. Used alike by the scheduler, the preview and the backtest.
import type { Database } from '../db/database.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { DAY_S } from '../domain/time.js';
import { metricById, type MetricDef } from '../definitions/metricCatalogue.js';
import { dimensionValueLabel } from '../definitions/dimensions.js';
import { seriesOf } from '../metrics/service.js';
import { withTarget, type TargetOverrides } from '../metrics/targets.js';
import type { Point } from '../metrics/points.js';
import { draftOf, judge, HISTORY_WEEKS, type Judgement, type Line } from './conditions.js';
import { stepOf, type AlertRule } from './rules.js';

export type AlertState = 'OK' | 'PENDING' | 'FIRING';

/** Where a group stood after its latest evaluation. */
export interface GroupState {
  state: AlertState;
  /** the first evaluated hour of the current run of hours where the condition held */
  since: number | null;
}

export interface Evaluation extends Judgement {
  ruleId: string;
  ruleVersion: number;
  groupKey: string;
  groupLabel: string;
  evaluatedUntil: number;
  state: AlertState;
  since: number | null;
}

interface GroupLine extends Line {
  key: string;
  label: string;
}

/** How far before the first window the condition looks (comparison window, same-weekday history). */
function lookback(rule: AlertRule): number {
  const c = rule.condition;
  if (c.type === 'ANOMALY') return HISTORY_WEEKS * 7 * DAY_S;
  if (c.type === 'CHANGE') return c.comparison === 'PREVIOUS_WEEK' ? 7 * DAY_S : rule.windowSeconds;
  return 0;
}

const filterMap = (rule: AlertRule) => new Map<Dimension, string[]>(rule.filters.map((f) => [f.dimension, [...f.values]]));
const toLine = (buckets: number[], points: Point[]) => ({ buckets, points });

/** The lines a rule judges: the whole slice, each value of one dimension, or each pair of two. */
async function linesOf(db: Database, def: MetricDef, rule: AlertRule, from: number, to: number): Promise<GroupLine[]> {
  const grain = stepOf(def) === DAY_S ? 'DAY' : 'HOUR';
  const base = { from, to, grain, zone: 'UTC', topN: 25 } as const;
  const filters = filterMap(rule);
  const [first, second] = rule.groupBy;
  if (!first) {
    const s = await seriesOf(db, def, { ...base, filters, groupBy: null });
    return [{ key: '', label: 'All', ...toLine(s.buckets, s.bucketTotals) }];
  }
  const s = await seriesOf(db, def, { ...base, filters, groupBy: first });
  const groups = s.groups.filter((g) => !g.isOther);
  if (!second) return groups.map((g) => ({ key: g.key, label: g.label, ...toLine(s.buckets, g.points) }));
  const out: GroupLine[] = [];
  for (const g of groups) {
    const inner = await seriesOf(db, def, { ...base, filters: new Map([...filters, [first, [g.key]]]), groupBy: second });
    for (const h of inner.groups.filter((x) => !x.isOther)) {
      out.push({ key: `${g.key}|${h.key}`, label: `${g.label} · ${dimensionValueLabel(second, h.key)}`, ...toLine(inner.buckets, h.points) });
    }
  }
  return out;
}

/** The next state of a group after one evaluation. */
export function nextState(prev: GroupState, met: boolean, at: number, forSeconds: number): GroupState {
  if (!met) return { state: 'OK', since: null };
  const since = prev.state === 'OK' || prev.since === null ? at : prev.since;
  return { state: at - since >= forSeconds ? 'FIRING' : 'PENDING', since };
}

/**
 * Evaluates `rule` at every step end in (after, until], per group, continuing from `states`
 * (a group not in it starts OK). Returns the evaluations in time order; the caller stores them.
 */
export async function evaluateRule(
  db: Database, rule: AlertRule, targets: TargetOverrides, after: number, until: number, states: ReadonlyMap<string, GroupState> = new Map(),
): Promise<Evaluation[]> {
  const def = withTarget(metricById(rule.metric)!, targets);
  const step = stepOf(def);
  const first = Math.floor(after / step) * step + step;
  const last = Math.floor(until / step) * step;
  if (last < first) return [];
  const lines = await linesOf(db, def, rule, first - rule.windowSeconds - lookback(rule), last);
  const current = new Map(states);
  const out: Evaluation[] = [];
  for (let end = first; end <= last; end += step) {
    const judged = judge(lines.map((line) => draftOf({ def, rule, line, end, step })));
    judged.forEach((j, i) => {
      const line = lines[i]!;
      const s = nextState(current.get(line.key) ?? { state: 'OK', since: null }, j.met, end, rule.forSeconds);
      current.set(line.key, s);
      out.push({ ...j, ruleId: rule.id, ruleVersion: rule.version, groupKey: line.key, groupLabel: line.label, evaluatedUntil: end, ...s });
    });
  }
  return out;
}

/** A run of FIRING evaluations of one group: when it fired and when it stopped (null: still firing). */
export interface Episode {
  ruleId: string;
  groupKey: string;
  groupLabel: string;
  /** the hour the condition started holding (the episode's identity) */
  since: number;
  firedAt: number;
  lastFiring: number;
  resolvedAt: number | null;
  worst: Evaluation;
}

/** Episodes in evaluations of one rule (time order per group). */
export function episodesOf(evaluations: readonly Evaluation[]): Episode[] {
  const open = new Map<string, Episode>();
  const done: Episode[] = [];
  for (const e of evaluations) {
    const ep = open.get(e.groupKey);
    if (e.state === 'FIRING') {
      if (ep && ep.since === e.since) {
        ep.lastFiring = e.evaluatedUntil;
        if (Math.abs((e.value ?? 0) - (e.baseline ?? 0)) > Math.abs((ep.worst.value ?? 0) - (ep.worst.baseline ?? 0))) ep.worst = e;
      } else {
        if (ep) done.push(ep);
        open.set(e.groupKey, { ruleId: e.ruleId, groupKey: e.groupKey, groupLabel: e.groupLabel, since: e.since!, firedAt: e.evaluatedUntil, lastFiring: e.evaluatedUntil, resolvedAt: null, worst: e });
      }
    } else if (ep) {
      ep.resolvedAt = e.evaluatedUntil;
      done.push(ep);
      open.delete(e.groupKey);
    }
  }
  return [...done, ...open.values()].sort((a, b) => a.firedAt - b.firedAt || a.groupKey.localeCompare(b.groupKey));
}
