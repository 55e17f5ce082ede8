import type { ModerationDimension, SliceFilter } from '../generated/graphql';
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

// A Record over the generated enum makes the compiler flag a dimension added to the schema.
export const DIMENSION_LABELS: Record<ModerationDimension, string> = {
  REGION: 'Region',
  COUNTRY: 'Country',
  POLICY: 'Policy',
  CONTENT_TYPE: 'Content type',
  DETECTION_SOURCE: 'Detection source',
  ENFORCEMENT_PATH: 'Enforcement path',
  ACTION: 'Action',
};

export type GroupBy = 'none' | Lowercase<ModerationDimension>;

export const GROUP_BY_OPTIONS: readonly { id: GroupBy; label: string }[] = [
  { id: 'none', label: 'None' },
  ...(Object.entries(DIMENSION_LABELS) as [ModerationDimension, string][]).map(([dimension, label]) => ({
    id: dimension.toLowerCase() as GroupBy,
    label,
  })),
];

export const GRAIN_CHOICES: readonly GrainChoice[] = ['auto', 'hour', 'day', 'week'];

export const filterCodec = createUrlCodec<FilterState>({
  range: { param: 'range', codec: oneOf(RANGE_PRESET_IDS), default: '7d' },
  grain: { param: 'grain', codec: oneOf(GRAIN_CHOICES), default: 'auto' },
  regions: { param: 'region', codec: listOf(), default: [] },
  policies: { param: 'policy', codec: listOf(), default: [] },
  group: { param: 'group', codec: oneOf(GROUP_BY_OPTIONS.map((o) => o.id)), default: 'none' },
});

export const DEFAULT_FILTERS: FilterState = filterCodec.defaults;
export const parseFilterState = (search: string): FilterState => filterCodec.parse(search);
export const serializeFilterState = (state: FilterState): string => filterCodec.serialize(state);

export function groupByDimension(group: GroupBy): ModerationDimension | null {
  return group === 'none' ? null : (group.toUpperCase() as ModerationDimension);
}

/** Only sends the lists that narrow the slice; an absent filter means "everything". */
export function sliceFilter(state: FilterState): SliceFilter | null {
  const filter: SliceFilter = {};
  if (state.regions.length > 0) filter.regions = state.regions;
  if (state.policies.length > 0) filter.policies = state.policies;
  return Object.keys(filter).length > 0 ? filter : null;
}

/** A longer range can rule out the chosen grain (hourly over 90 days); fall back to auto then. */
export function withRange(state: FilterState, range: RangePresetId): FilterState {
  const grain = grainAllowed(state.grain, rangePreset(range).spanMs) ? state.grain : 'auto';
  return { ...state, range, grain };
}

/**
 * Clicking a group drills into it: a region narrows to that region and splits it by policy,
 * a policy narrows to that policy and splits it by region (the region × policy cell).
 * Other dimensions have no filter in the API yet, so they do not drill.
 */
export function drillDown(state: FilterState, groupKey: string): FilterState | null {
  if (state.group === 'region') return { ...state, regions: [groupKey], group: 'policy' };
  if (state.group === 'policy') return { ...state, policies: [groupKey], group: 'region' };
  return null;
}

export function canDrill(group: GroupBy): boolean {
  return group === 'region' || group === 'policy';
}
