import { useEffect, useState } from 'react';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

interface DateFieldProps {
  id: string;
  value: string;
  min?: string | undefined;
  max?: string | undefined;
  onChange: (day: string) => void;
}

/**
 * A day typed as YYYY-MM-DD in one text field: one tab stop, where Chromium's date input makes
 * month, day and year three (and orders them by the browser's locale, mm/dd/yyyy for many).
 * A complete, valid day within min–max applies at once; anything else is marked invalid, and
 * leaving the field puts back the day in force.
 */
export function DateField({ id, value, min, max, onChange }: DateFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const valid = (text: string) => isCalendarDay(text) && (!min || text >= min) && (!max || text <= max);
  const invalid = draft !== value && draft.length >= 10 && !valid(draft);

  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="YYYY-MM-DD"
      maxLength={10}
      className="date-input date-text"
      aria-invalid={invalid || undefined}
      title={min && max ? `A day from ${min} to ${max}, written YYYY-MM-DD` : 'A day written YYYY-MM-DD'}
      value={draft}
      onChange={(event) => {
        const text = event.target.value.trim();
        setDraft(text);
        if (text !== value && valid(text)) onChange(text);
      }}
      onBlur={() => setDraft(value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setDraft(value);
      }}
    />
  );
}
