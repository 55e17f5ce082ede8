import { useId, useState } from 'react';
import { dimensionLabel, dimensionValues } from '../catalogue';
import { useDashboard } from '../dashboard/dashboard';
import {
  BAR_DIMENSIONS,
  COMPARE_MODES,
  DEFAULT_FILTERS,
  REFRESH_CHOICES,
  filterValues,
  rangeSpec,
  serializeFilterState,
  withRange,
  type CompareMode,
  type RefreshChoice,
} from '../state/filterState';
import { GRAIN_CHOICES, expectedAutoGrain, grainAllowed, type GrainChoice } from '../time/grain';
import { formatRange } from '../time/labels';
import { RANGE_PRESETS, localDate, rangeSpanMs, type RangePresetId } from '../time/range';
import { allText, pickerChoices, withChainedValues } from '../state/pickerChoices';
import { DateField } from './DateField';
import { MultiSelect, summarize } from './MultiSelect';
import { Select } from './Select';
import { SegmentedControl } from './SegmentedControl';

const GRAIN_LABELS: Record<GrainChoice, string> = { auto: 'Auto', hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

const COMPARE_LABELS: Record<CompareMode, string> = {
  PREVIOUS_PERIOD: 'Previous period',
  PREVIOUS_WEEK: 'Same time a week earlier',
  CUSTOM: 'Chosen dates',
  NONE: 'No comparison',
};

const REFRESH_LABELS: Record<RefreshChoice, string> = { off: 'Off', '1m': 'Every minute', '5m': 'Every 5 minutes' };

const NOUNS: Partial<Record<string, string>> = { REGION: 'regions', COUNTRY: 'countries', POLICY: 'policies', MODEL: 'models', VENDOR: 'vendors' };

/**
 * The one filter bar: when (preset or dates, zone, grain), compared with what, what slice, and
 * how often to refresh. Everything it sets lives in the URL. A page that picks its own period
 * (the weekly retrospective) asks for the slice alone: time controls there would do nothing.
 */
export function FilterBar({ scopeOnly = false }: { scopeOnly?: boolean }) {
  const { catalogue, catalogueError, filters, setFilters, resolved } = useDashboard();
  const zoneId = useId();
  const fromId = useId();
  const toId = useId();
  const compareFromId = useId();
  const compareToId = useId();
  const barId = useId();
  // On a phone the bar folds into a one-line summary so the page's answers come first (CSS shows the toggle there only).
  const [open, setOpen] = useState(false);
  const spec = rangeSpec(filters);
  const spanMs = rangeSpanMs(spec);
  const isDefault = serializeFilterState(filters) === '';
  const autoGrain = resolved && catalogue ? expectedAutoGrain(resolved.range, catalogue) : undefined;
  const choicesText = catalogue ? undefined : catalogueError ? 'Unavailable' : 'Loading…';

  // The dates inputs always show the range in force, so editing one end keeps the other.
  const shownFrom = resolved ? localDate(new Date(resolved.range.from), resolved.zone) : '';
  const shownTo = resolved ? localDate(new Date(Date.parse(resolved.range.to) - 1), resolved.zone) : '';
  const dataFirst = catalogue?.dataFrom ? localDate(new Date(catalogue.dataFrom), filters.zone) : undefined;
  const dataLast = catalogue?.dataTo ? localDate(new Date(Date.parse(catalogue.dataTo) - 1), filters.zone) : undefined;
  const setDates = (from: string, to: string) => {
    if (from && to && from <= to) setFilters((s) => withRange(s, { from, to }, catalogue));
  };

  const summary = [
    ...(scopeOnly ? [] : ['preset' in spec ? (RANGE_PRESETS.find((p) => p.id === spec.preset)?.label ?? spec.preset) : `${shownFrom} – ${shownTo}`]),
    ...BAR_DIMENSIONS.map((d) => summarize(NOUNS[d] ?? 'values', dimensionValues(catalogue, d), filterValues(filters, d))),
  ].join(' · ');

  return (
    <div className="filter-bar" role="search" aria-label="Filters" data-open={open}>
      <button type="button" className="filter-toggle" aria-expanded={open} aria-controls={scopeOnly ? `${barId}-slice` : `${barId}-time ${barId}-slice`} onClick={() => setOpen((o) => !o)}>
        <span className="filter-toggle-label">{open ? 'Hide filters' : 'Filters'}</span>
        <span className="filter-toggle-summary">{summary}</span>
      </button>
      {scopeOnly ? null : (
        <div className="filter-row" id={`${barId}-time`}>
          <SegmentedControl<RangePresetId | 'dates'>
            label="Time range"
            value={'preset' in spec ? spec.preset : 'dates'}
            options={RANGE_PRESETS.map((p) => ({ value: p.id, label: p.label, title: p.title }))}
            onChange={(preset) => {
              if (preset !== 'dates') setFilters((s) => withRange(s, { preset }, catalogue));
            }}
          />
          <div className="field">
            <span className="field-label">Dates</span>
            <div className="date-pair">
              <label className="visually-hidden" htmlFor={fromId}>
                First day
              </label>
              <DateField id={fromId} value={shownFrom} min={dataFirst} max={dataLast} onChange={(day) => setDates(day, shownTo)} />
              <span aria-hidden="true">–</span>
              <label className="visually-hidden" htmlFor={toId}>
                Last day
              </label>
              <DateField id={toId} value={shownTo} min={dataFirst} max={dataLast} onChange={(day) => setDates(shownFrom, day)} />
            </div>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={zoneId}>
              Time zone
            </label>
            <select
              id={zoneId}
              className="select-button select-zone"
              value={filters.zone}
              onChange={(e) => setFilters((s) => ({ ...s, zone: e.target.value }))}
            >
              {(catalogue?.timeZones.includes(filters.zone) ? catalogue.timeZones : [filters.zone, ...(catalogue?.timeZones ?? [])]).map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </div>
          <SegmentedControl<GrainChoice>
            label="Grain"
            value={filters.grain}
            options={GRAIN_CHOICES.map((g) => ({
              value: g,
              label: g === 'auto' && autoGrain ? `Auto (${autoGrain.toLowerCase()})` : GRAIN_LABELS[g],
              disabled: !grainAllowed(g, spanMs, catalogue),
              title: grainAllowed(g, spanMs, catalogue) ? undefined : `Too many ${GRAIN_LABELS[g].toLowerCase()}ly buckets for this range`,
            }))}
            onChange={(grain) => setFilters((s) => ({ ...s, grain }))}
          />
          <Select
            label="Compare with"
            value={filters.compare}
            options={COMPARE_MODES.map((m) => ({ value: m, label: COMPARE_LABELS[m] }))}
            onChange={(compare) => setFilters((s) => ({ ...s, compare }))}
          />
          {filters.compare === 'CUSTOM' ? (
            <div className="field">
              <span className="field-label">Compared dates</span>
              <div className="date-pair">
                <label className="visually-hidden" htmlFor={compareFromId}>
                  First day compared with
                </label>
                <DateField id={compareFromId} value={filters.compareFrom ?? ''} min={dataFirst} max={dataLast} onChange={(day) => setFilters((s) => ({ ...s, compareFrom: day || null }))} />
                <span aria-hidden="true">–</span>
                <label className="visually-hidden" htmlFor={compareToId}>
                  Last day compared with
                </label>
                <DateField id={compareToId} value={filters.compareTo ?? ''} min={dataFirst} max={dataLast} onChange={(day) => setFilters((s) => ({ ...s, compareTo: day || null }))} />
              </div>
            </div>
          ) : null}
          <Select
            label="Auto-refresh"
            narrow
            title="Paused while the tab is hidden"
            value={filters.refresh}
            options={REFRESH_CHOICES.map((r) => ({ value: r, label: REFRESH_LABELS[r] }))}
            onChange={(refresh) => setFilters((s) => ({ ...s, refresh }))}
          />
        </div>
      )}
      <div className="filter-row" id={`${barId}-slice`}>
        {BAR_DIMENSIONS.map((dimension) => {
          const noun = NOUNS[dimension] ?? 'values';
          const choices = pickerChoices(catalogue, dimension, filters);
          return (
            <MultiSelect
              key={dimension}
              label={dimensionLabel(catalogue, dimension)}
              noun={noun}
              choices={choices}
              selected={filterValues(filters, dimension)}
              disabledText={choicesText}
              allText={allText(catalogue, dimension, noun, choices)}
              onChange={(next) => setFilters((s) => withChainedValues(catalogue, s, dimension, next))}
            />
          );
        })}
        <div className="field field-end">
          {resolved && !scopeOnly ? (
            <span className="range-text" data-testid="range-text">
              {formatRange(resolved.range.from, resolved.range.to, resolved.grain, resolved.zone)} · {resolved.zone}
            </span>
          ) : null}
          <button type="button" className="button button-quiet" disabled={isDefault} onClick={() => setFilters(DEFAULT_FILTERS)}>
            Reset all
          </button>
        </div>
      </div>
    </div>
  );
}
