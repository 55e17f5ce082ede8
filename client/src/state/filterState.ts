import type { ComparisonMode, Dimension, DimensionFilterInput } from '../generated/graphql';
import { GRAIN_CHOICES, grainAllowed, type GrainChoice, type GrainRules } from '../time/grain';
import { RANGE_PRESET_IDS, rangeSpanMs, type RangePresetId, type RangeSpec } from '../time/range';
import { UTC, isKnownZone } from '../time/zones';
import { createUrlCodec, listOf, oneOf, optional, textWhere, type ParamCodec, type ParamSpec, type StateSpec } from './urlState';

// The link is read before the catalogue arrives, so the dimensions a filter parameter may name
// are the schema's, listed here. A Record over the generated union makes the compiler flag a
// dimension added to the schema.
export const DIMENSION_IDS = Object.keys({
  REGION: true,
  COUNTRY: true,
  POLICY: true,
  CONTENT_TYPE: true,
  DETECTION_SOURCE: true,
  ENFORCEMENT_PATH: true,
  ACTION: true,
  QUEUE: true,
  MODEL: true,
  MODEL_VERSION: true,
  LABEL_SOURCE: true,
  VENDOR: true,
  SITE: true,
  LANGUAGE: true,
} satisfies Record<Dimension, true>) as Dimension[];

/** A dimension as it appears in links: `region=EU`, `detection_source=automated`. */
export type DimensionKey = Lowercase<Dimension>;
const dimensionKey = (d: Dimension): DimensionKey => d.toLowerCase() as DimensionKey;

export type CompareMode = Extract<ComparisonMode, 'PREVIOUS_PERIOD' | 'PREVIOUS_WEEK' | 'CUSTOM' | 'NONE'>;
export const COMPARE_MODES: readonly CompareMode[] = ['PREVIOUS_PERIOD', 'PREVIOUS_WEEK', 'CUSTOM', 'NONE'];

export type RefreshChoice = 'off' | '1m' | '5m';
export const REFRESH_CHOICES: readonly RefreshChoice[] = ['off', '1m', '5m'];
export const REFRESH_MS: Record<RefreshChoice, number> = { off: 0, '1m': 60_000, '5m': 300_000 };

/** When, how finely, compared with what, and how often to refresh. */
export interface TimeState {
  range: RangePresetId;
  /** Absolute first and last days (YYYY-MM-DD, inclusive, in `zone`); both set override `range`. */
  from: string | null;
  to: string | null;
  zone: string;
  grain: GrainChoice;
  compare: CompareMode;
  /** The custom comparison period's first and last days (YYYY-MM-DD, inclusive, in `zone`), with compare CUSTOM. */
  compareFrom: string | null;
  compareTo: string | null;
  refresh: RefreshChoice;
}

/**
 * The slice every page looks at: the time settings plus one list of codes per dimension (empty
 * means no filter). The filter bar edits the common dimensions; chart clicks can narrow any of
 * them, and the breadcrumb shows and removes them all. Lives in the URL so a link reopens the view.
 */
export type FilterState = TimeState & { [K in DimensionKey]: string[] };

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/**
 * A first or last day. The filter bar writes days (inclusive, in the page's zone); links the
 * server builds (the retrospective's, Markdown exports) write the API's half-open instants
 * (`from=2026-10-12T00:00:00Z&to=2026-11-16T00:00:00Z`), read here as the UTC days they cover:
 * an exclusive end instant ends on the day before it.
 */
export function dayOrInstant(exclusiveEnd: boolean): ParamCodec<string> {
  const asDay = (value: string): string | undefined => {
    if (isDate(value)) return value;
    if (!INSTANT.test(value)) return undefined;
    const t = Date.parse(value);
    if (Number.isNaN(t)) return undefined;
    return new Date(exclusiveEnd ? t - 1 : t).toISOString().slice(0, 10);
  };
  return {
    parse(raw) {
      let found: string | undefined;
      for (const value of raw) found = asDay(value.trim()) ?? found;
      return found;
    },
    serialize: (value) => encodeURIComponent(value),
  };
}

const timeSpec: StateSpec<TimeState> = {
  range: { param: 'range', codec: oneOf(RANGE_PRESET_IDS), default: '28d' },
  from: { param: 'from', codec: optional(dayOrInstant(false)), default: null },
  to: { param: 'to', codec: optional(dayOrInstant(true)), default: null },
  zone: { param: 'tz', codec: textWhere(isKnownZone), default: UTC },
  grain: { param: 'grain', codec: oneOf(GRAIN_CHOICES), default: 'auto' },
  compare: { param: 'compare', codec: oneOf(COMPARE_MODES), default: 'PREVIOUS_PERIOD' },
  compareFrom: { param: 'cfrom', codec: optional(dayOrInstant(false)), default: null },
  compareTo: { param: 'cto', codec: optional(dayOrInstant(true)), default: null },
  refresh: { param: 'refresh', codec: oneOf(REFRESH_CHOICES), default: 'off' },
};

const dimensionSpec = Object.fromEntries(
  DIMENSION_IDS.map((d) => [dimensionKey(d), { param: dimensionKey(d), codec: listOf(), default: [] } satisfies ParamSpec<string[]>]),
) as unknown as StateSpec<{ [K in DimensionKey]: string[] }>;

export const filterCodec = createUrlCodec<FilterState>({ ...timeSpec, ...dimensionSpec });

export const DEFAULT_FILTERS: FilterState = filterCodec.defaults;
export const parseFilterState = (search: string): FilterState => filterCodec.parse(search);
export const serializeFilterState = (state: FilterState): string => filterCodec.serialize(state);

/** The dimensions the filter bar offers as dropdowns; the others are narrowed by clicking charts. */
export const BAR_DIMENSIONS: readonly Dimension[] = ['REGION', 'COUNTRY', 'POLICY', 'MODEL', 'VENDOR'];

/** Absolute dates when both are set and in order, the preset otherwise. */
export function rangeSpec(state: Pick<TimeState, 'range' | 'from' | 'to'>): RangeSpec {
  if (state.from && state.to && state.from <= state.to) return { from: state.from, to: state.to };
  return { preset: state.range };
}

export function filterValues(state: FilterState, dimension: Dimension): string[] {
  return state[dimensionKey(dimension)];
}

export function withFilterValues(state: FilterState, dimension: Dimension, values: string[]): FilterState {
  return { ...state, [dimensionKey(dimension)]: values };
}

/** Every dimension that narrows the slice, in the schema's order; an absent one means "everything". */
export function dimensionFilters(state: FilterState): DimensionFilterInput[] {
  const filters: DimensionFilterInput[] = [];
  for (const dimension of DIMENSION_IDS) {
    const values = filterValues(state, dimension);
    if (values.length > 0) filters.push({ dimension, values });
  }
  return filters;
}

/** The state with every dimension filter removed (the time settings kept). */
export function withoutDimensionFilters(state: FilterState): FilterState {
  let next = state;
  for (const d of DIMENSION_IDS) next = withFilterValues(next, d, []);
  return next;
}

/**
 * A preset replaces absolute dates; a longer range can rule out the chosen grain (hourly over 90
 * days, by the catalogue's rules), which then goes back to automatic.
 */
export function withRange(state: FilterState, spec: RangeSpec, rules?: GrainRules): FilterState {
  const next =
    'from' in spec ? { ...state, from: spec.from, to: spec.to } : { ...state, range: spec.preset, from: null, to: null };
  const grain = grainAllowed(state.grain, rangeSpanMs(spec), rules) ? state.grain : 'auto';
  return { ...next, grain };
}

/** The query string of the shared filters alone: what page links carry from page to page. */
export function filterQuery(state: FilterState): string {
  const query = serializeFilterState(state);
  return query ? `?${query}` : '';
}
