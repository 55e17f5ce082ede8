import type { ReactNode } from 'react';
import { useReportProblem } from '../dashboard/problems';
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
  // Inside a page, the banner above says why and retries: the panel only says it is affected.
  const inBanner = useReportProblem(what, error, onRetry);
  if (inBanner) {
    return (
      <div className="state state-error state-error-brief" data-testid="panel-problem">
        <p className="state-detail">Could not load {what}: see the notice at the top of the page.</p>
        {action ? <div className="state-actions">{action}</div> : null}
      </div>
    );
  }
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
