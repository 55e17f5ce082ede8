// Alert rules: what is watched (a metric on a slice, optionally per group), when it counts as
// broken (the condition), for how long and by how much before anyone is told, and where to.
// Checked here once for every way in (API, defaults, tests); the scope rule is the documents' one,
// stricter: a rule's figures are figures, so a rule is read and written only by users whose scope
// holds its whole slice (README "Alerts and digests").
import { badInput, forbidden } from '../domain/errors.js';
import { text } from '../domain/fieldChecks.js';
import { DAY_S, HOUR_S } from '../domain/time.js';
import type { Dimension } from '../domain/vocabulary.generated.js';
import { metricById, type MetricDef } from '../definitions/metricCatalogue.js';
import { ROLLUPS } from '../definitions/rollups.js';
import { KIND_RULES } from '../definitions/kinds.js';
import { describeScope, scopeBounds, whollyInside, type Access, type Subject } from '../access/access.js';
import { checkDimension, parseFilters, type DimensionFilter } from '../metrics/sliceInput.js';
import type { DataCatalogue } from '../metrics/dataInventory.js';

export type Condition =
  /** the target in force is breached (or at risk, or worse) beyond sampling noise */
  | { type: 'TARGET'; level: 'BREACHED' | 'AT_RISK' }
  /** a significant change against the same window a week earlier or just before */
  | { type: 'CHANGE'; comparison: 'PREVIOUS_WEEK' | 'PREVIOUS_WINDOW'; direction: Direction }
  /** outside the band of the same window on the same weekday of the six weeks before */
  | { type: 'ANOMALY'; direction: Direction }
  /** a plain line */
  | { type: 'THRESHOLD'; op: 'ABOVE' | 'BELOW'; value: number };
export type Direction = 'UP' | 'DOWN' | 'ANY';

export interface AlertRule {
  id: string;
  version: number;
  name: string;
  metric: string;
  /** filters in force (the author's scope applied) */
  filters: DimensionFilter[];
  /** evaluate each value (pair of values) of these dimensions as its own alert; [] for the whole slice */
  groupBy: Dimension[];
  condition: Condition;
  /** the trailing window each evaluation aggregates (rates: sum(num)/sum(den) over it) */
  windowSeconds: number;
  /** the condition must hold this long before the rule fires ("for 2 h") */
  forSeconds: number;
  /** how far beyond the line (target, threshold, band or comparison value) it must be, in the metric's unit */
  minSize: number;
  /** least items in the window (denominator of a rate, the count itself) to judge at all */
  minVolume: number;
  /** while firing, notify again after this long (0: never) */
  renotifySeconds: number;
  /** channel ids (VIGIL_ALERT_CHANNELS) */
  channels: string[];
  enabled: boolean;
  subject: Subject;
  author: string;
  updatedBy: string;
  updatedAt: string;
}


/** The step and the least window of a metric: its rollup's grain. */
export const stepOf = (def: MetricDef) => (ROLLUPS[def.rollup].grain === 'DAY' ? DAY_S : HOUR_S);

export function alertableMetric(id: string, argument: string): MetricDef {
  const def = metricById(id);
  if (!def) throw badInput(`${argument}: unknown metric ${JSON.stringify(id.slice(0, 40))}.`, argument);
  // only kinds whose window is formed from its buckets (kinds.ts alertWindow)
  if (KIND_RULES[def.kind].alertWindow === null) {
    throw badInput(`${argument}: ${def.id} is a ${def.kind.toLowerCase()} and cannot be added up over a window; alerts watch counts, rates and backlogs.`, argument);
  }
  return def;
}

/** What a rule is about on the scoped dimensions: the places and vendors its filters name. */
export function subjectOf(filters: readonly DimensionFilter[]): Subject {
  const of = (d: Dimension) => [...(filters.find((f) => f.dimension === d)?.values ?? [])];
  return { regions: of('REGION'), countries: of('COUNTRY'), vendors: of('VENDOR') };
}

/**
 * Whether `access` may read (and, for editors, write) a rule, its evaluations, silences and
 * notifications: its whole slice lies inside the scope. Unlike notes, a rule about everyone is
 * not team-wide reading: its evaluations are figures of every region.
 */
export const ruleReadable = (access: Access, rule: Pick<AlertRule, 'subject'>) => whollyInside(scopeBounds(access), rule.subject);

export function requireRuleReadable(access: Access, rule: Pick<AlertRule, 'subject'>, argument: string): void {
  if (!ruleReadable(access, rule)) throw forbidden(`${argument}: this alert rule watches data outside your access (${describeScope(access)}).`);
}

/** A rule as written through the API (AlertRuleInput has this shape). */
export interface RuleInput {
  name: string;
  metric: string;
  filters?: readonly DimensionFilter[] | null;
  groupBy?: readonly Dimension[] | null;
  condition: {
    type: Condition['type'];
    level?: 'BREACHED' | 'AT_RISK' | null;
    comparison?: 'PREVIOUS_WEEK' | 'PREVIOUS_WINDOW' | null;
    direction?: Direction | null;
    op?: 'ABOVE' | 'BELOW' | null;
    value?: number | null;
  };
  windowHours: number;
  forHours: number;
  minSize?: number | null;
  minVolume?: number | null;
  renotifyHours?: number | null;
  channels?: readonly string[] | null;
  enabled?: boolean | null;
}

const hours = (v: number, argument: string, min: number, max: number) => {
  if (!Number.isInteger(v) || v < min || v > max) throw badInput(`${argument} must be a whole number of hours from ${min} to ${max}; got ${v}.`, argument);
  return v * HOUR_S;
};
const finite = (v: number | null | undefined, argument: string, fallback: number) => {
  if (v === null || v === undefined) return fallback;
  if (!Number.isFinite(v) || v < 0) throw badInput(`${argument} must be a number of 0 or more; got ${v}.`, argument);
  return v;
};

function conditionOf(c: RuleInput['condition'], def: MetricDef, argument: string): Condition {
  const direction = c.direction ?? 'ANY';
  switch (c.type) {
    case 'TARGET':
      if (!def.target) throw badInput(`${argument}.type: ${def.id} has no target in the catalogue; use a THRESHOLD.`, `${argument}.type`);
      return { type: 'TARGET', level: c.level ?? 'BREACHED' };
    case 'CHANGE':
      if (KIND_RULES[def.kind].alertWindow === 'level') throw badInput(`${argument}.type: a backlog is a level, not a sum over hours; use a THRESHOLD or an ANOMALY.`, `${argument}.type`);
      return { type: 'CHANGE', comparison: c.comparison ?? 'PREVIOUS_WEEK', direction };
    case 'ANOMALY':
      return { type: 'ANOMALY', direction };
    case 'THRESHOLD': {
      if (c.op !== 'ABOVE' && c.op !== 'BELOW') throw badInput(`${argument}.op: a threshold needs ABOVE or BELOW.`, `${argument}.op`);
      if (c.value === null || c.value === undefined || !Number.isFinite(c.value)) throw badInput(`${argument}.value: a threshold needs a number.`, `${argument}.value`);
      if (def.unit === 'RATIO' && (c.value < 0 || c.value > 1)) throw badInput(`${argument}.value: ${def.id} is a proportion; give the threshold between 0 and 1.`, `${argument}.value`);
      return { type: 'THRESHOLD', op: c.op, value: c.value };
    }
    default:
      throw badInput(`${argument}.type: one of TARGET, CHANGE, ANOMALY, THRESHOLD.`, `${argument}.type`);
  }
}

/**
 * A rule's fields, checked: the metric can be alerted on, the slice is known and inside the
 * author's scope (parseFilters refuses anything outside it and narrows open dimensions to it),
 * windows are whole steps of the metric's rollup, channels are configured.
 */
export function checkRule(input: RuleInput, data: DataCatalogue, access: Access, channelIds: readonly string[], argument = 'input') {
  const name = text(input.name, `${argument}.name`, 120, true);
  const def = alertableMetric(input.metric, `${argument}.metric`);
  const inForce = parseFilters(def, input.filters ?? [], data, access, `${argument}.filters`);
  const groupBy = [...new Set(input.groupBy ?? [])];
  if (groupBy.length > 2) throw badInput(`${argument}.groupBy: at most two dimensions.`, `${argument}.groupBy`);
  groupBy.forEach((d, i) => checkDimension(def, d, `${argument}.groupBy[${i}]`));
  const step = stepOf(def);
  const windowSeconds = hours(input.windowHours, `${argument}.windowHours`, 1, 24 * 28);
  const forSeconds = hours(input.forHours, `${argument}.forHours`, 0, 24 * 28);
  if (windowSeconds % step || forSeconds % step) {
    throw badInput(`${argument}: ${def.id} is kept per day, so windowHours and forHours must be whole days (multiples of 24).`, `${argument}.windowHours`);
  }
  const channels = [...new Set(input.channels ?? [])];
  for (const c of channels) if (!channelIds.includes(c)) throw badInput(`${argument}.channels: unknown channel ${JSON.stringify(c.slice(0, 40))}. Configured: ${channelIds.join(', ') || 'none (set VIGIL_ALERT_CHANNELS)'}.`, `${argument}.channels`);
  const filters = [...inForce].map(([dimension, values]) => ({ dimension, values }));
  return {
    name, metric: def.id, filters, groupBy, condition: conditionOf(input.condition, def, `${argument}.condition`),
    windowSeconds, forSeconds, minSize: finite(input.minSize, `${argument}.minSize`, 0), minVolume: finite(input.minVolume, `${argument}.minVolume`, 30),
    renotifySeconds: hours(input.renotifyHours ?? 0, `${argument}.renotifyHours`, 0, 24 * 28), channels, enabled: input.enabled ?? true,
    subject: subjectOf(filters),
  };
}
