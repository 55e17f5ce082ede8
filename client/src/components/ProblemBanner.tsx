import { useEffect, useState } from 'react';
import { dimensionLabel, valueLabel } from '../catalogue';
import { useDashboard } from '../dashboard/dashboard';
import { backoffMs, useProblemGroups, type CauseGroup, type ProblemStore } from '../dashboard/problems';
import { DEFAULT_FILTERS, dimensionFilters, filterValues, withFilterValues, withoutDimensionFilters, type FilterState } from '../state/filterState';
import type { Dimension } from '../generated/graphql';

/** "decisions, review SLA attainment and 3 more" */
function affected(what: readonly string[]): string {
  if (what.length <= 3) return what.join(', ');
  return `${what.slice(0, 3).join(', ')} and ${what.length - 3} more`;
}

/** The filter values a refusal names (the server says "LATAM is outside your access …"). */
export function namedFilterValues(filters: FilterState, message: string): { dimension: Dimension; value: string }[] {
  // What follows ("… outside your access (region: SEA)") names the scope, not the culprits.
  const subject = message.split(/\boutside your access\b|\(/)[0] ?? '';
  const named: { dimension: Dimension; value: string }[] = [];
  for (const f of dimensionFilters(filters)) {
    for (const value of f.values) {
      const word = new RegExp(`(^|[^\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
      if (word.test(subject)) named.push({ dimension: f.dimension, value });
    }
  }
  return named;
}

function withoutValues(filters: FilterState, values: readonly { dimension: Dimension; value: string }[]): FilterState {
  let next = filters;
  for (const { dimension, value } of values) {
    next = withFilterValues(next, dimension, filterValues(next, dimension).filter((v) => v !== value));
  }
  return next;
}

interface Line {
  text: string;
  actions: { label: string; run: () => void }[];
}

function useLine(group: CauseGroup, store: ProblemStore, nextRetryS: number | null): Line {
  const { catalogue, filters, setFilters } = useDashboard();
  const { cause } = group;
  const retry = { label: 'Retry now', run: () => store.retryAll() };
  const clearFilters = { label: 'Clear filters', run: () => setFilters(withoutDimensionFilters) };
  const when = nextRetryS === null ? '' : ` Trying again in ${nextRetryS} s.`;
  switch (cause.kind) {
    case 'unreachable':
      return { text: `The server cannot be reached, so ${affected(group.what)} could not load.${when} Everything reloads when it answers.`, actions: [retry] };
    case 'rate-limited':
      return { text: `The server is busy (too many requests).${when}`, actions: [retry] };
    case 'forbidden': {
      const named = namedFilterValues(filters, cause.message);
      if (named.length === 0) return { text: cause.message, actions: dimensionFilters(filters).length ? [clearFilters] : [] };
      const labels = named.map((n) => `${valueLabel(catalogue, n.dimension, n.value)} (${dimensionLabel(catalogue, n.dimension).toLowerCase()})`);
      return {
        text: `${labels.join(', ')} ${named.length > 1 ? 'are' : 'is'} outside your access, so ${affected(group.what)} cannot be shown.`,
        actions: [{ label: named.length > 1 ? 'Remove these filters' : 'Remove this filter', run: () => setFilters((s) => withoutValues(s, named)) }],
      };
    }
    case 'bad-input': {
      const onFilters = cause.argument?.includes('filters') && dimensionFilters(filters).length > 0;
      return {
        text: `The server refused the question of ${affected(group.what)}: ${cause.message}`,
        actions: [onFilters ? clearFilters : { label: 'Reset to the defaults', run: () => setFilters(DEFAULT_FILTERS) }],
      };
    }
    case 'timeout':
      return { text: `${affected(group.what)}: ${cause.message}`, actions: [retry] };
    default:
      return { text: `Could not load ${affected(group.what)}: ${cause.message}`, actions: [retry] };
  }
}

function BannerLine({ group, store, nextRetryS }: { group: CauseGroup; store: ProblemStore; nextRetryS: number | null }) {
  const line = useLine(group, store, nextRetryS);
  return (
    <li className={`problem problem-${group.cause.kind}`} data-testid="problem">
      <span className="problem-text">{line.text}</span>
      {line.actions.map((a) => (
        <button key={a.label} type="button" className="button" onClick={a.run}>
          {a.label}
        </button>
      ))}
    </li>
  );
}

/**
 * One line per cause of the page's failed panels, with its remedy. While the server is
 * unreachable (or asks us to slow down) every failed panel is asked again with backoff.
 */
export function ProblemBanner({ store }: { store: ProblemStore }) {
  const groups = useProblemGroups(store);
  const waiting = groups.find((g) => g.cause.kind === 'unreachable' || g.cause.kind === 'rate-limited');
  const [attempt, setAttempt] = useState(0);
  const delay = waiting ? (waiting.cause.retryAfter ? waiting.cause.retryAfter * 1000 : backoffMs(attempt)) : null;

  useEffect(() => {
    if (delay === null) {
      setAttempt(0);
      return undefined;
    }
    const timer = window.setTimeout(() => {
      store.retryAll();
      setAttempt((a) => a + 1);
    }, delay);
    return () => window.clearTimeout(timer);
  }, [delay, store]);

  useEffect(() => {
    // The network is back (laptop woke, Wi-Fi rejoined): no need to wait for the next attempt.
    const online = () => store.retryAll();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [store]);

  if (groups.length === 0) return null;
  return (
    <div className="problems" role="alert">
      <ul className="problem-list">
        {groups.map((g) => (
          <BannerLine key={g.cause.key} group={g} store={store} nextRetryS={g === waiting && delay !== null ? Math.round(delay / 1000) : null} />
        ))}
      </ul>
    </div>
  );
}
