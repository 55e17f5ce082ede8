import { useEffect, useId, useRef, useState } from 'react';
import { formatCount } from '../../format';

export interface AnnotatorOption {
  id: string;
  vendor: string;
  /** What the list is ranked by: labels, or tasks shared with the other annotator. */
  count: number;
}

/** Options whose id or vendor (code or label) contains every word of the query, in their order. */
export function matchAnnotators(options: readonly AnnotatorOption[], query: string, vendorLabel: (code: string) => string = (c) => c): AnnotatorOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((o) => {
    const text = `${o.id} ${o.vendor} ${vendorLabel(o.vendor)}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Most annotators one answer of the API holds (the server's MAX_ANNOTATORS). */
export const LIST_CAP = 200;
/** How long typing must pause before the search goes to the server. */
export const SEARCH_DELAY_MS = 250;
const ID_PART = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * What of the query the server searches for (a part of an id): its longest word made of id
 * characters, or undefined (an empty query, or no such word). The other words, and vendor names,
 * narrow what comes back in the browser (matchAnnotators).
 */
export function searchTerm(query: string): string | undefined {
  const words = query.split(/\s+/).filter((w) => ID_PART.test(w));
  return words.reduce<string | undefined>((best, w) => (best === undefined || w.length > best.length ? w : best), undefined);
}

/** Both lists in one, without repeats, ranked by count (stable: each list's own order within a count). */
function merged(options: readonly AnnotatorOption[], found: readonly AnnotatorOption[] | undefined): AnnotatorOption[] {
  if (!found) return [...options];
  const seen = new Set(found.map((o) => o.id));
  return [...found, ...options.filter((o) => !seen.has(o.id))].sort((x, y) => y.count - x.count);
}

interface AnnotatorPickerProps {
  label: string;
  /** undefined while loading */
  options: readonly AnnotatorOption[] | undefined;
  value: string | null;
  onChange: (id: string) => void;
  /** "12 labels", "9 shared" */
  countText: (count: number) => string;
  vendorLabel: (code: string) => string;
  /** Shown instead of the list, e.g. "Pick annotator A first" or a failure. */
  message?: string;
  /** Shown when the list is empty. */
  emptyText: string;
  /** What the list holds, under it: "38 annotators" by default. */
  noun?: string;
  /** How the list is ranked, for the note on a capped list: "showing the 200 busiest". */
  rank?: string;
  /**
   * Called SEARCH_DELAY_MS after typing pauses with the part of an id to search all annotators for
   * (searchTerm), or at once with undefined when the box is emptied.
   */
  onSearch?: (search: string | undefined) => void;
  /** The server's matches for the last search (the previous ones while a new search loads). */
  found?: readonly AnnotatorOption[];
  /** True while the server's matches are not those of the current search. */
  searching?: boolean;
  /** Why the server's search failed, if it did. */
  searchError?: string;
}

/**
 * A searchable list of annotators: a search box over a list always open, so a pick is one click.
 * `options` is the API's list without a search (at most LIST_CAP); what is typed narrows it at once
 * in the browser and, after a pause, goes to the server (onSearch), whose matches (`found`) join
 * the list, so an annotator beyond the cap can be found too.
 * The picked one stays at the top even when the list does not hold it (a link from another range).
 */
export function AnnotatorPicker({
  label, options, value, onChange, countText, vendorLabel, message, emptyText, noun = 'annotators', rank = 'busiest', onSearch, found, searching, searchError,
}: AnnotatorPickerProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const labelId = useId();
  const term = searchTerm(query);
  const report = useRef(onSearch);
  report.current = onSearch;
  // the term last handed to onSearch: until it is the one typed, the server's matches are not yet asked for
  const [sent, setSent] = useState<string>();
  useEffect(() => {
    if (term === undefined) {
      setSent(undefined);
      report.current?.(undefined);
      return undefined;
    }
    const timer = setTimeout(() => {
      setSent(term);
      report.current?.(term);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [term]);
  const busy = onSearch !== undefined && term !== undefined && (sent !== term || !!searching);

  const searched = term !== undefined && found !== undefined;
  const all = options ? merged(options, searched ? found : undefined) : undefined;
  const shown = all ? matchAnnotators(all, query, vendorLabel) : [];
  const capped = options !== undefined && options.length >= LIST_CAP;
  const missing = value !== null && all !== undefined && !all.some((o) => o.id === value);
  const asked = query.trim() !== '';

  let list;
  if (message) list = <p className="state-detail">{message}</p>;
  else if (!options) list = <p className="state-detail">Loading annotators…</p>;
  else if (options.length === 0) list = <p className="state-detail">{emptyText}</p>;
  else {
    list = (
      <ul className="picker-list" aria-labelledby={labelId}>
        {missing ? (
          <li>
            <button type="button" className="picker-option" aria-pressed="true" onClick={() => onChange(value)}>
              <span className="picker-id">{value}</span>
              <span className="picker-meta">{capped ? 'not among those shown' : 'not in this range'}</span>
            </button>
          </li>
        ) : null}
        {shown.map((o) => (
          <li key={o.id}>
            <button type="button" className="picker-option" aria-pressed={o.id === value} onClick={() => onChange(o.id)}>
              <span className="picker-id">{o.id}</span>
              <span className="picker-meta">{vendorLabel(o.vendor)}</span>
              <span className="picker-count">{countText(o.count)}</span>
            </button>
          </li>
        ))}
        {shown.length === 0 ? <li className="state-detail">{busy ? `Searching all annotators for “${query.trim()}”…` : `No annotator matches “${query}”.`}</li> : null}
      </ul>
    );
  }

  return (
    <div className="field annotator-picker" role="group" aria-labelledby={labelId}>
      <span className="field-label" id={labelId}>
        {label}
        {value ? <span className="picker-picked">: {value}</span> : null}
      </span>
      <input
        id={searchId}
        type="search"
        className="date-input"
        aria-label={`Search ${label}`}
        placeholder={capped ? 'Search all by id, or by vendor' : 'Search by id or vendor'}
        value={query}
        disabled={!!message || !options || options.length === 0}
        onChange={(e) => setQuery(e.target.value)}
      />
      {list}
      {options && options.length > 0 && !message ? (
        <span className="picker-note">
          {!asked
            ? capped ? `showing the ${formatCount(LIST_CAP)} ${rank} — type to search all` : `${formatCount(options.length)} ${noun}`
            : capped ? `${formatCount(shown.length)} matching` : `${formatCount(shown.length)} of ${formatCount(options.length)}`}
          {asked && searched && found.length >= LIST_CAP ? ` — the ${formatCount(LIST_CAP)} ${rank} matches; type more to narrow` : ''}
          {asked && busy ? ' · searching all…' : ''}
          {asked && searchError ? ` · the search of all annotators failed: ${searchError}` : ''}
        </span>
      ) : null}
    </div>
  );
}

export const labelsText = (n: number) => `${formatCount(n)} label${n === 1 ? '' : 's'}`;
/** Short, for a narrow list; the list's note says shared with whom. */
export const sharedText = (n: number) => `${formatCount(n)} shared`;
