import { useId, useState } from 'react';
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
}

/**
 * A searchable list of annotators: a search box over a list always open, so a pick is one click.
 * The picked one stays at the top even when the list does not hold it (a link from another range).
 */
export function AnnotatorPicker({ label, options, value, onChange, countText, vendorLabel, message, emptyText, noun = 'annotators' }: AnnotatorPickerProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const labelId = useId();
  const shown = options ? matchAnnotators(options, query, vendorLabel) : [];
  const missing = value !== null && options !== undefined && !options.some((o) => o.id === value);

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
              <span className="picker-meta">not in this range</span>
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
        {shown.length === 0 ? <li className="state-detail">No annotator matches “{query}”.</li> : null}
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
        placeholder="Search by id or vendor"
        value={query}
        disabled={!!message || !options || options.length === 0}
        onChange={(e) => setQuery(e.target.value)}
      />
      {list}
      {options && options.length > 0 && !message ? (
        <span className="picker-note">
          {shown.length === options.length ? `${formatCount(options.length)} ${noun}` : `${formatCount(shown.length)} of ${formatCount(options.length)}`}
          {options.length >= 200 ? ' — the first 200; narrow by vendor or queue in the filter bar to see others' : ''}
        </span>
      ) : null}
    </div>
  );
}

export const labelsText = (n: number) => `${formatCount(n)} label${n === 1 ? '' : 's'}`;
/** Short, for a narrow list; the list's note says shared with whom. */
export const sharedText = (n: number) => `${formatCount(n)} shared`;
