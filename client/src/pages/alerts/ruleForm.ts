// The alert rule form's state: a draft of text fields (what the user typed), filled from a rule
// when editing, checked before anything is sent (the server checks again and has the last word),
// and turned into the API's AlertRuleInput.
import type { CatalogueMetric } from '../../catalogue';
import type {
  AlertComparison, AlertConditionType, AlertDirection, AlertRuleFieldsFragment, AlertRuleInput, AlertTargetLevel, AlertThresholdOp, Dimension,
} from '../../generated/graphql';

/** An instant as the page shows it: "2026-11-16 10:00 UTC", or a dash. */
export const when = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '–');

export interface RuleDraft {
  name: string;
  metric: string;
  /** the slice: values per dimension; a dimension with none is not filtered */
  filters: Partial<Record<Dimension, string[]>>;
  /** '' for none; the second only counts after a first */
  groupBy: [Dimension | '', Dimension | ''];
  type: AlertConditionType;
  level: AlertTargetLevel;
  comparison: AlertComparison;
  direction: AlertDirection;
  op: AlertThresholdOp;
  value: string;
  windowHours: string;
  forHours: string;
  minSize: string;
  minVolume: string;
  renotifyHours: string;
  channels: string[];
  enabled: boolean;
}

export type RuleField = 'name' | 'type' | 'value' | 'windowHours' | 'forHours' | 'minSize' | 'minVolume' | 'renotifyHours' | 'groupBy';
export type RuleErrors = Partial<Record<RuleField, string>>;

/** The server's bounds (server/alerts/rules.ts): windows, durations and re-notify up to 28 days. */
export const MAX_HOURS = 24 * 28;

export function emptyDraft(metric = 'review_sla'): RuleDraft {
  return {
    name: '', metric, filters: {}, groupBy: ['', ''], type: 'TARGET', level: 'BREACHED', comparison: 'PREVIOUS_WEEK', direction: 'ANY', op: 'BELOW', value: '',
    windowHours: '24', forHours: '2', minSize: '0', minVolume: '30', renotifyHours: '0', channels: [], enabled: true,
  };
}

/** The form filled with a stored rule's values (the filters in force, scope applied). */
export function draftFromRule(rule: AlertRuleFieldsFragment): RuleDraft {
  const c = rule.condition;
  return {
    name: rule.name,
    metric: rule.metric.id,
    filters: Object.fromEntries(rule.filters.map((f) => [f.dimension, [...f.values]])),
    groupBy: [rule.groupBy[0] ?? '', rule.groupBy[1] ?? ''],
    type: c.type,
    level: c.level ?? 'BREACHED',
    comparison: c.comparison ?? 'PREVIOUS_WEEK',
    direction: c.direction ?? 'ANY',
    op: c.op ?? 'BELOW',
    value: c.value === null || c.value === undefined ? '' : String(c.value),
    windowHours: String(rule.windowHours),
    forHours: String(rule.forHours),
    minSize: String(rule.minSize),
    minVolume: String(rule.minVolume),
    renotifyHours: String(rule.renotifyHours),
    channels: [...rule.channels],
    enabled: rule.enabled,
  };
}

/** A metric change keeps only the slice and groups the new metric has. */
export function withMetric(draft: RuleDraft, metric: CatalogueMetric): RuleDraft {
  const has = (d: Dimension | '') => d !== '' && metric.dimensions.includes(d);
  const groupBy = draft.groupBy.filter(has);
  return {
    ...draft,
    metric: metric.id,
    filters: Object.fromEntries(Object.entries(draft.filters).filter(([d]) => has(d as Dimension))),
    groupBy: [groupBy[0] ?? '', groupBy[1] ?? ''],
    type: draft.type === 'TARGET' && !metric.target ? 'THRESHOLD' : draft.type,
  };
}

const wholeHours = (text: string, min: number, what: string, daily: boolean): string | undefined => {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > MAX_HOURS) return `${what} must be a whole number of hours from ${min} to ${MAX_HOURS}.`;
  if (daily && Number(t) % 24) return `${what}: this metric is kept per day, so give whole days (24, 48, …).`;
  return undefined;
};
const amount = (text: string, what: string): string | undefined => {
  const t = text.trim();
  return t === '' || !Number.isFinite(Number(t)) || Number(t) < 0 ? `${what} must be a number of 0 or more.` : undefined;
};

/** What is wrong with a draft, per field, in the words the form shows under each field. */
export function validateDraft(draft: RuleDraft, metric: CatalogueMetric | undefined): RuleErrors {
  const errors: RuleErrors = {};
  const daily = metric?.minGrain === 'DAY';
  if (draft.name.trim().length > 120) errors.name = 'Name: at most 120 characters.';
  if (draft.type === 'TARGET' && metric && !metric.target) errors.type = `${metric.label} has no target; choose a threshold or another condition.`;
  if (draft.type === 'CHANGE' && metric?.kind === 'BACKLOG') errors.type = 'A backlog is a level, not a sum over hours; choose a threshold or the weekday band.';
  if (draft.type === 'THRESHOLD') {
    const v = draft.value.trim();
    if (v === '' || !Number.isFinite(Number(v))) errors.value = 'Value: a threshold needs a number.';
    else if (metric?.unit === 'RATIO' && (Number(v) < 0 || Number(v) > 1)) errors.value = 'Value: this metric is a proportion; give it between 0 and 1 (0.95 = 95 %).';
  }
  if (draft.groupBy[0] !== '' && draft.groupBy[0] === draft.groupBy[1]) errors.groupBy = 'Per: choose two different dimensions.';
  const windowError = wholeHours(draft.windowHours, 1, 'Window', daily);
  if (windowError) errors.windowHours = windowError;
  const forError = wholeHours(draft.forHours, 0, 'For', daily);
  if (forError) errors.forHours = forError;
  const renotifyError = wholeHours(draft.renotifyHours, 0, 'Re-notify', false);
  if (renotifyError) errors.renotifyHours = renotifyError;
  const sizeError = amount(draft.minSize, 'Minimum size');
  if (sizeError) errors.minSize = sizeError;
  const volumeError = amount(draft.minVolume, 'Minimum volume');
  if (volumeError) errors.minVolume = volumeError;
  return errors;
}

/** The draft as the API takes it; an empty name becomes "<metric>: <condition>". */
export function inputFromDraft(draft: RuleDraft, metric: CatalogueMetric | undefined): AlertRuleInput {
  const groupBy = draft.groupBy[0] === '' ? [] : [draft.groupBy[0], draft.groupBy[1]].filter((d): d is Dimension => d !== '');
  const condition: AlertRuleInput['condition'] =
    draft.type === 'TARGET' ? { type: 'TARGET', level: draft.level }
    : draft.type === 'CHANGE' ? { type: 'CHANGE', comparison: draft.comparison, direction: draft.direction }
    : draft.type === 'ANOMALY' ? { type: 'ANOMALY', direction: draft.direction }
    : { type: 'THRESHOLD', op: draft.op, value: Number(draft.value.trim()) };
  return {
    name: draft.name.trim() || `${metric?.label ?? draft.metric}: ${draft.type.toLowerCase()}`,
    metric: draft.metric,
    filters: Object.entries(draft.filters).filter(([, values]) => values && values.length > 0).map(([dimension, values]) => ({ dimension: dimension as Dimension, values: values! })),
    groupBy: [...new Set(groupBy)],
    condition,
    windowHours: Number(draft.windowHours.trim()),
    forHours: Number(draft.forHours.trim()),
    minSize: Number(draft.minSize.trim()),
    minVolume: Number(draft.minVolume.trim()),
    renotifyHours: Number(draft.renotifyHours.trim()),
    channels: draft.channels,
    enabled: draft.enabled,
  };
}

/** Silence presets, in hours; 'until' is a chosen UTC day and time. */
export type SilenceLength = '1' | '4' | '24' | 'until';
export const SILENCE_LENGTHS: readonly { value: SilenceLength; label: string }[] = [
  { value: '1', label: '1 h' },
  { value: '4', label: '4 h' },
  { value: '24', label: '24 h' },
  { value: 'until', label: 'Until…' },
];
/** The server refuses silences longer than this (server/alerts/store.ts). */
export const SILENCE_MAX_DAYS = 90;

/**
 * The silence's end as an ISO instant, or what is wrong with the choice: a preset counts from
 * `now`; a chosen day (YYYY-MM-DD) and time (HH:MM, UTC) must be in the future and within 90 days.
 */
export function silenceEnd(length: SilenceLength, day: string, time: string, now: Date): { endsAt: string } | { error: string } {
  if (length !== 'until') return { endsAt: new Date(now.getTime() + Number(length) * 3600_000).toISOString() };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { error: 'End day: write it YYYY-MM-DD.' };
  const m = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { error: 'End time: write it HH:MM (UTC, 00:00 to 23:59).' };
  const end = new Date(`${day}T${time.trim()}:00Z`);
  if (Number.isNaN(end.getTime()) || end.toISOString().slice(0, 10) !== day) return { error: 'End day: not a calendar day.' };
  if (end.getTime() <= now.getTime()) return { error: 'The end must be in the future.' };
  if (end.getTime() > now.getTime() + SILENCE_MAX_DAYS * 86_400_000) return { error: `A silence lasts at most ${SILENCE_MAX_DAYS} days.` };
  return { endsAt: end.toISOString() };
}
