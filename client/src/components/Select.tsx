import { useId } from 'react';

interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  /** Visually smaller, for panel headers. */
  compact?: boolean;
  /** A narrower button, for short choices. */
  narrow?: boolean;
  title?: string;
}

/** A labelled native select: keyboard and screen-reader friendly without extra code. */
export function Select<V extends string>({ label, value, options, onChange, compact = false, narrow = false, title }: SelectProps<V>) {
  const id = useId();
  return (
    <div className={compact ? 'field field-compact' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={narrow ? 'select-button select-narrow' : 'select-button'}
        title={title}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
