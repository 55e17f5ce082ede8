import type { ReactNode } from 'react';
import type { Edit } from './saving';

/**
 * Shown when a save lost to someone else's edit: what they wrote, and the two ways on. The
 * writer's own text stays in the form below until they choose.
 */
export function ConflictBanner({ message, theirs, onOverwrite, onTakeTheirs, overwriteLabel = 'Overwrite with mine', busy }: {
  message: string;
  /** their version as text; undefined while it loads, null when it could not be found */
  theirs: ReactNode | undefined;
  onOverwrite: () => void;
  onTakeTheirs: (() => void) | null;
  overwriteLabel?: string;
  busy: boolean;
}) {
  return (
    <div className="retro-conflict" role="alert" data-testid="retro-conflict">
      <p className="retro-conflict-title">{message}</p>
      <div className="retro-theirs">
        {theirs === undefined ? <span className="tile-muted">Loading their version…</span> : theirs === null ? <span className="tile-muted">Their version could not be loaded.</span> : theirs}
      </div>
      <div className="state-actions">
        <button type="button" className="button" onClick={onOverwrite} disabled={busy}>
          {overwriteLabel}
        </button>
        {onTakeTheirs ? (
          <button type="button" className="button button-quiet" onClick={onTakeTheirs} disabled={busy}>
            Take theirs (discard mine)
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** An input's error under it, tied to it for screen readers by id. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <span className="retro-field-error" id={id}>
      {error}
    </span>
  ) : null;
}

/**
 * The end of a versioned entry's form: why the last save failed (a conflict says so in its banner
 * instead), then the save — held while saving, during a conflict, or for a user refused writes,
 * whose form stays so the text can still be copied elsewhere — and Cancel.
 */
export function EditFooter({ edit, canEdit, submitLabel, onCancel }: { edit: Pick<Edit<unknown>, 'status' | 'message'>; canEdit: boolean; submitLabel: string; onCancel: () => void }) {
  const busy = edit.status === 'saving';
  return (
    <>
      {edit.message && edit.status !== 'conflict' ? (
        <p className="retro-field-error" role="alert">
          {edit.message}
        </p>
      ) : null}
      <div className="retro-form-actions">
        <button type="submit" className="button" disabled={busy || edit.status === 'conflict' || !canEdit}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </>
  );
}
