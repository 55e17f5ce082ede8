import { useEffect, useId, useRef, useState } from 'react';

export interface Choice {
  code: string;
  label: string;
}

interface MultiSelectProps {
  label: string;
  /** Plural noun for the summary, e.g. "regions" → "All regions", "3 regions". */
  noun: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Shown instead of the summary while disabled, e.g. "Loading…" or "Unavailable". */
  disabledText?: string;
  /** What nothing chosen covers (default "All <noun>"), e.g. "Europe (your access)". */
  allText?: string;
}

export function summarize(noun: string, choices: readonly Choice[], selected: readonly string[], allText = `All ${noun}`): string {
  if (selected.length === 0) return allText;
  if (selected.length === 1) {
    const code = selected[0] ?? '';
    return choices.find((c) => c.code === code)?.label ?? code;
  }
  return `${selected.length} ${noun}`;
}

/** A dropdown of checkboxes; nothing checked means no filter. */
export function MultiSelect({ label, noun, choices, selected, onChange, disabledText, allText }: MultiSelectProps) {
  const disabled = disabledText !== undefined;
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      // Focus was inside the popup that is closing; give it back to the button, not to the page.
      if (rootRef.current?.contains(document.activeElement)) buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  // Codes in the URL that the API does not know (a stale link) stay visible so they can be unticked.
  const known = new Set(choices.map((c) => c.code));
  const options = [...choices, ...selected.filter((code) => !known.has(code)).map((code) => ({ code, label: code }))];

  const toggle = (code: string) => {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code];
    // Keep the API's order so the same selection always yields the same URL.
    onChange(options.map((o) => o.code).filter((c) => next.includes(c)));
  };

  const text = disabledText ?? summarize(noun, choices, selected, allText);

  return (
    <div className="field multiselect" ref={rootRef}>
      <span className="field-label">{label}</span>
      <button
        ref={buttonRef}
        type="button"
        className="select-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={popupId}
        aria-label={`${label}: ${text}`}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {text}
      </button>
      {open ? (
        <div className="popover" id={popupId} role="group" aria-label={label}>
          <button type="button" className="popover-clear" disabled={selected.length === 0} onClick={() => onChange([])}>
            {allText ?? `All ${noun}`}
          </button>
          <ul className="popover-list">
            {options.map((option) => (
              <li key={option.code}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={selected.includes(option.code)}
                    onChange={() => toggle(option.code)}
                  />
                  <span>{option.label}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
