import type { Dimension, DimensionFilterInput } from '../generated/graphql';
import { grainAllowed, type GrainChoice } from '../time/grain';
import { RANGE_PRESET_IDS, rangePreset, type RangePresetId } from '../time/range';
import { createUrlCodec, listOf, oneOf } from './urlState';

/** The slice the dashboard looks at; lives in the URL so a link reopens the same view. */
export interface FilterState {
  range: RangePresetId;
  grain: GrainChoice;
  /** Region codes; empty means all regions. */
  regions: string[];
  /** Policy codes; empty means all policies. */
  policies: string[];
  group: GroupBy;
}

export type GroupBy = 'none' | Lowercase<Dimension>;

// The link is read before the catalogue arrives, so the values a `group` parameter may take are
// the schema's dimensions, listed here; what the group picker offers comes from the catalogue.
// A Record over the generated union makes the compiler flag a dimension added to the schema.
const DIMENSION_IDS = Object.keys({
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

export const GROUP_BY_IDS: readonly GroupBy[] = ['none', ...DIMENSION_IDS.map((d) => groupByOf(d))];

export const GRAIN_CHOICES: readonly GrainChoice[] = ['auto', 'hour', 'day', 'week'];

export const filterCodec = createUrlCodec<FilterState>({
  range: { param: 'range', codec: oneOf(RANGE_PRESET_IDS), default: '7d' },
  grain: { param: 'grain', codec: oneOf(GRAIN_CHOICES), default: 'auto' },
  regions: { param: 'region', codec: listOf(), default: [] },
  policies: { param: 'policy', codec: listOf(), default: [] },
  group: { param: 'group', codec: oneOf(GROUP_BY_IDS), default: 'none' },
});

export const DEFAULT_FILTERS: FilterState = filterCodec.defaults;
export const parseFilterState = (search: string): FilterState => filterCodec.parse(search);
export const serializeFilterState = (state: FilterState): string => filterCodec.serialize(state);

export function groupByDimension(group: GroupBy): Dimension | null {
  return group === 'none' ? null : (group.toUpperCase() as Dimension);
}

export function groupByOf(dimension: Dimension): GroupBy {
  return dimension.toLowerCase() as GroupBy;
}

/** Only the lists that narrow the slice; an absent filter means "everything". */
export function dimensionFilters(state: FilterState): DimensionFilterInput[] {
  const filters: DimensionFilterInput[] = [];
  if (state.regions.length > 0) filters.push({ dimension: 'REGION', values: state.regions });
  if (state.policies.length > 0) filters.push({ dimension: 'POLICY', values: state.policies });
  return filters;
}

/** A longer range can rule out the chosen grain (hourly over 90 days); fall back to auto then. */
export function withRange(state: FilterState, range: RangePresetId): FilterState {
  const grain = grainAllowed(state.grain, rangePreset(range).spanMs) ? state.grain : 'auto';
  return { ...state, range, grain };
}

/**
 * Clicking a group drills into it: a region narrows to that region and splits it by policy,
 * a policy narrows to that policy and splits it by region (the region × policy cell).
 * The Overview's filters are regions and policies only, so other groupings do not drill.
 */
export function drillDown(state: FilterState, groupKey: string): FilterState | null {
  if (state.group === 'region') return { ...state, regions: [groupKey], group: 'policy' };
  if (state.group === 'policy') return { ...state, policies: [groupKey], group: 'region' };
  return null;
}

export function canDrill(group: GroupBy): boolean {
  return group === 'region' || group === 'policy';
}
