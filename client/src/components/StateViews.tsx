import type { ReactNode } from 'react';
import { describeError } from '../errors';

// Every data panel shows exactly one of these or its content: never a blank box.

export function LoadingState({ what }: { what: string }) {
  return (
    <div className="state state-loading" role="status" aria-busy="true">
      <div className="skeleton skeleton-line" />
      <div className="skeleton skeleton-block" />
      <span className="visually-hidden">Loading {what}…</span>
    </div>
  );
}

export function EmptyState({ title, detail, action }: { title: string; detail?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {detail ? <p className="state-detail">{detail}</p> : null}
      {action}
    </div>
  );
}

interface ErrorStateProps {
  what: string;
  error: unknown;
  onRetry?: () => void;
  /** A second way out, e.g. resetting filters that the server rejected. */
  action?: ReactNode;
}

export function ErrorState({ what, error, onRetry, action }: ErrorStateProps) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">Could not load {what}</p>
      <p className="state-detail">{describeError(error)}</p>
      <div className="state-actions">
        {onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        ) : null}
        {action}
      </div>
    </div>
  );
}
