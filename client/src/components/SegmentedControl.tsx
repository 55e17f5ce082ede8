import { useId } from 'react';

interface SegmentedControlProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string; title?: string; disabled?: boolean }[];
  onChange: (value: V) => void;
}

/** A row of mutually exclusive buttons, exposed as a radio group. */
export function SegmentedControl<V extends string>({ label, value, options, onChange }: SegmentedControlProps<V>) {
  const labelId = useId();
  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={option.value === value}
            title={option.title}
            disabled={option.disabled}
            className="segmented-option"
            onClick={() => onChange(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </div>
  );
}
