import { useCallback, useState, type ReactNode } from 'react';

/** Their version of something another admin saved meanwhile, and the version the server now holds. */
export interface StaleEdit<T> {
  currentVersion: number;
  /** null when their version could not be loaded */
  theirs: T | null;
}

/**
 * A save refused with CONFLICT: ask for their version (the list again, network-only) and keep both
 * until the admin chooses. The form's own input is never touched here.
 */
export function useStaleEdit<T>(loadTheirs: () => Promise<T | null>) {
  const [conflict, setConflict] = useState<StaleEdit<T> | null>(null);
  const onConflict = useCallback(
    async (currentVersion: number) => {
      const theirs = await loadTheirs().catch(() => null);
      setConflict({ currentVersion, theirs });
    },
    [loadTheirs],
  );
  const clear = useCallback(() => setConflict(null), []);
  return { conflict, onConflict, clear };
}

/** "now version 4, by alice on 16 Nov 2026, 10:00" — what the banner can say about their save. */
export function versionText(currentVersion: number, by?: string): string {
  return `now version ${Number.isFinite(currentVersion) ? currentVersion : '?'}${by ? `, ${by}` : ''}`;
}

/**
 * Shown when an admin's save lost to another admin's: their version, and the two ways on — save
 * mine over theirs (an edit based on the version that won), or reload theirs and drop mine.
 */
export function AdminConflict({ testId, title, theirs, busy, overwriteLabel = 'Save mine over theirs', onOverwrite, onReload }: {
  testId: string;
  title: ReactNode;
  theirs: ReactNode | null;
  busy: boolean;
  overwriteLabel?: string;
  /** null when there is no version to base an overwrite on */
  onOverwrite: (() => void) | null;
  /** null when their version could not be loaded */
  onReload: (() => void) | null;
}) {
  return (
    <div className="retro-conflict" role="alert" data-testid={testId}>
      <p className="retro-conflict-title">{title}</p>
      {theirs ? <p className="retro-theirs">{theirs}</p> : null}
      <div className="state-actions">
        <button type="button" className="button" disabled={busy || !onOverwrite} onClick={() => onOverwrite?.()}>
          {overwriteLabel}
        </button>
        <button type="button" className="button button-quiet" disabled={busy || !onReload} onClick={() => onReload?.()}>
          Reload theirs (discard mine)
        </button>
      </div>
    </div>
  );
}
