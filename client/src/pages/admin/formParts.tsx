// Pieces every Admin and Account form and list shares: a labelled text input, the form's end
// (why the last save failed, the save button, Cancel), and a list's loading / error states.
import type { ReactNode } from 'react';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { FieldError } from '../retrospective/Conflict';

/** A labelled text input with its error (and hint) under it, tied by id for screen readers. */
export function TextField({ id, label, value, onChange, error, hint, type = 'text', autoComplete }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
}) {
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="admin-field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="text-input"
        type={type}
        value={value}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <span className="retro-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * The end of a form: the server's refusal when it names no field, then the submit button (its
 * label while saving), any other actions, and Cancel when the form can be closed.
 */
export function FormFooter({ message, loading, label, busyLabel, disabled = false, onCancel, children }: {
  message: string | null;
  loading: boolean;
  label: string;
  busyLabel: string;
  /** held for another reason than saving (e.g. a conflict awaiting a choice) */
  disabled?: boolean;
  onCancel?: () => void;
  /** more actions between the submit button and Cancel */
  children?: ReactNode;
}) {
  return (
    <>
      {message ? (
        <p className="retro-field-error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="retro-form-actions">
        <button type="submit" className="button" disabled={loading || disabled}>
          {loading ? busyLabel : label}
        </button>
        {children}
        {onCancel ? (
          <button type="button" className="button button-quiet" disabled={loading} onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}

/** What a section just did ("User ana created."), until the next action. */
export function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="admin-notice" role="status">
      {text}
    </p>
  ) : null;
}

/**
 * An admin list (asked cache-and-network): the last list while a new one loads, an error only
 * when there is no list to show, a skeleton until the first one arrives.
 */
export function ListStates<T>({ what, list, error, refetch, children }: {
  what: string;
  list: T | undefined;
  error: unknown;
  refetch: () => Promise<unknown>;
  children: (list: T) => ReactNode;
}) {
  if (error && !list) return <ErrorState what={what} error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!list) return <LoadingState what={what} />;
  return <>{children(list)}</>;
}
