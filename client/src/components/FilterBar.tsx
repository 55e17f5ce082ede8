import { useId } from 'react';
import type { Grain } from '../generated/graphql';
import type { GroupChoice } from '../catalogue';
import {
  DEFAULT_FILTERS,
  GRAIN_CHOICES,
  serializeFilterState,
  withRange,
  type FilterState,
  type GroupBy,
} from '../state/filterState';
import { grainAllowed, type GrainChoice } from '../time/grain';
import { RANGE_PRESETS, rangePreset, type RangePresetId } from '../time/range';
import { MultiSelect, type Choice } from './MultiSelect';
import { SegmentedControl } from './SegmentedControl';

interface FilterBarProps {
  value: FilterState;
  onChange: (next: FilterState) => void;
  regions: readonly Choice[];
  policies: readonly Choice[];
  /** What the chart can be grouped by, "none" first. */
  groups: readonly GroupChoice[];
  /** Region and policy lists: still on their way, failed to load, or ready. */
  choicesStatus: 'loading' | 'failed' | 'ready';
  /** The grain the server chose for "auto", once it has answered; shown so the grain is never a mystery. */
  autoGrain?: Grain | undefined;
}

const GRAIN_LABELS: Record<GrainChoice, string> = { auto: 'Auto', hour: 'Hour', day: 'Day', week: 'Week' };

const CHOICES_TEXT = { loading: 'Loading…', failed: 'Unavailable', ready: undefined } as const;

export function FilterBar({ value, onChange, regions, policies, groups, choicesStatus, autoGrain }: FilterBarProps) {
  const groupId = useId();
  const set = <K extends keyof FilterState>(key: K, next: FilterState[K]) => onChange({ ...value, [key]: next });
  const isDefault = serializeFilterState(value) === '';
  const spanMs = rangePreset(value.range).spanMs;

  return (
    <div className="filter-bar" role="search" aria-label="Filters">
      <SegmentedControl<RangePresetId>
        label="Time range"
        value={value.range}
        options={RANGE_PRESETS.map((p) => ({ value: p.id, label: p.label, title: `${p.title} of data` }))}
        onChange={(range) => onChange(withRange(value, range))}
      />
      <SegmentedControl<GrainChoice>
        label="Grain"
        value={value.grain}
        options={GRAIN_CHOICES.map((g) => ({
          value: g,
          label: g === 'auto' && autoGrain ? `Auto (${autoGrain.toLowerCase()})` : GRAIN_LABELS[g],
          disabled: !grainAllowed(g, spanMs),
          title: grainAllowed(g, spanMs) ? undefined : 'Too many hourly buckets for this range',
        }))}
        onChange={(grain) => set('grain', grain)}
      />
      <MultiSelect
        label="Region"
        noun="regions"
        choices={regions}
        selected={value.regions}
        disabledText={CHOICES_TEXT[choicesStatus]}
        onChange={(next) => set('regions', next)}
      />
      <MultiSelect
        label="Policy"
        noun="policies"
        choices={policies}
        selected={value.policies}
        disabledText={CHOICES_TEXT[choicesStatus]}
        onChange={(next) => set('policies', next)}
      />
      <div className="field">
        <label className="field-label" htmlFor={groupId}>
          Group by
        </label>
        <select
          id={groupId}
          className="select-button"
          value={value.group}
          onChange={(event) => set('group', event.target.value as GroupBy)}
        >
          {groups.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-end">
        <button
          type="button"
          className="button button-quiet"
          disabled={isDefault}
          onClick={() => onChange(DEFAULT_FILTERS)}
        >
          Reset filters
        </button>
      </div>
    </div>
  );
}
