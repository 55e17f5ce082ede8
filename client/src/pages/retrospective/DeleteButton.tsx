import { useState } from 'react';
import { saveFailure } from './saving';
import { useRetroEditing } from './editing';

/**
 * Two steps, no modal: "Delete" turns into "Delete? Yes / No". A delete based on a stale version
 * is refused (CONFLICT) like an edit: the page is reloaded to show what was changed.
 */
export function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const { forbid, reload } = useRetroEditing();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (e) {
      const failure = saveFailure(e);
      if (failure.kind === 'forbidden') forbid(failure.message);
      setError(failure.kind === 'conflict' ? 'Someone else changed this since you loaded it: not deleted. Their version is shown now; delete again if you still mean to.' : failure.message);
      if (failure.kind === 'conflict' || failure.kind === 'gone') reload();
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="retro-delete">
      {asking ? (
        <>
          <span>Delete this {what}?</span>
          <button type="button" className="link-button retro-danger" onClick={confirm} disabled={busy}>
            Yes, delete
          </button>
          <button type="button" className="link-button" onClick={() => setAsking(false)} disabled={busy}>
            No
          </button>
        </>
      ) : (
        <button type="button" className="link-button" onClick={() => setAsking(true)} aria-label={`Delete ${what}`}>
          Delete
        </button>
      )}
      {error ? (
        <span className="retro-field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
