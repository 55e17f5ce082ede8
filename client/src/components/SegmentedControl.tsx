import { useId, useRef, type KeyboardEvent } from 'react';

interface SegmentedControlProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string; title?: string; disabled?: boolean }[];
  onChange: (value: V) => void;
}

const STEPS: Partial<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A row of mutually exclusive buttons, exposed as a radio group and driven like one (WAI-ARIA
 * radio group pattern): one tab stop, the checked option; arrow keys move and choose, skipping
 * disabled options and wrapping; Home and End go to the ends.
 */
export function SegmentedControl<V extends string>({ label, value, options, onChange }: SegmentedControlProps<V>) {
  const labelId = useId();
  const groupRef = useRef<HTMLDivElement>(null);
  const enabled = options.filter((o) => !o.disabled);
  // With nothing checked (e.g. custom dates), the first enabled option takes the tab stop.
  const tabStop = options.some((o) => o.value === value && !o.disabled) ? value : enabled[0]?.value;

  const onKeyDown = (event: KeyboardEvent) => {
    const step = STEPS[event.key];
    let next: (typeof options)[number] | undefined;
    if (step !== undefined) {
      const at = enabled.findIndex((o) => o.value === tabStop);
      next = enabled[(at + step + enabled.length) % enabled.length];
    } else if (event.key === 'Home') next = enabled[0];
    else if (event.key === 'End') next = enabled.at(-1);
    if (!next) return;
    event.preventDefault();
    if (next.value !== value) onChange(next.value);
    const target = next.value;
    [...(groupRef.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]') ?? [])].find((b) => b.dataset.value === target)?.focus();
  };

  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId} ref={groupRef} onKeyDown={onKeyDown}>
        {options.map((option) => (
          <button
            key={option.value}
            type="button"
            role="radio"
            data-value={option.value}
            aria-checked={option.value === value}
            tabIndex={option.value === tabStop ? 0 : -1}
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
