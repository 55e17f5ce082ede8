// Panels that fail report here instead of each drawing an error box: the page shows one banner
// per cause (server unreachable, a filter outside the user's access, a refused argument…) with
// its remedy, and a retry reaches every failed panel at once, so they recover together.
import { createContext, useContext, useEffect, useId, useRef, useSyncExternalStore } from 'react';
import { errorCause, type ErrorCause } from '../errors';

interface Report {
  what: string;
  cause: ErrorCause;
  retry: (() => void) | undefined;
}

export interface CauseGroup {
  cause: ErrorCause;
  /** What failed, once each, in the order reported ("decisions", "review SLA attainment"). */
  what: string[];
}

/** Automatic retries while the server is unreachable: 2 s, 4 s, 8 s … at most 30 s apart. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** attempt);
}

export class ProblemStore {
  private reports = new Map<string, Report>();
  private listeners = new Set<() => void>();
  private snapshot: CauseGroup[] = [];

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  groups = () => this.snapshot;

  report(id: string, what: string, error: unknown, retry: (() => void) | undefined) {
    this.reports.set(id, { what, cause: errorCause(error), retry });
    this.changed();
  }

  clear(id: string) {
    if (this.reports.delete(id)) this.changed();
  }

  /** Asks every failed panel again (not only those of one cause: a server back up answers all). */
  retryAll() {
    for (const r of [...this.reports.values()]) r.retry?.();
  }

  private changed() {
    const byKey = new Map<string, CauseGroup>();
    for (const r of this.reports.values()) {
      const group = byKey.get(r.cause.key) ?? { cause: r.cause, what: [] };
      if (!group.what.includes(r.what)) group.what.push(r.what);
      byKey.set(r.cause.key, group);
    }
    // The outage first: while the server is away every other message may be stale.
    this.snapshot = [...byKey.values()].sort((a, b) => Number(b.cause.kind === 'unreachable') - Number(a.cause.kind === 'unreachable'));
    for (const l of this.listeners) l();
  }
}

export const ProblemContext = createContext<ProblemStore | null>(null);

export function useProblemGroups(store: ProblemStore): CauseGroup[] {
  return useSyncExternalStore(store.subscribe, store.groups, store.groups);
}

/**
 * Reports a panel's error to the page's banner while it lasts. Returns whether a banner takes
 * it (the panel then shows a short note rather than its own error box).
 */
export function useReportProblem(what: string, error: unknown, retry: (() => void) | undefined): boolean {
  const store = useContext(ProblemContext);
  const id = useId();
  const retryRef = useRef(retry);
  retryRef.current = retry;
  useEffect(() => {
    if (!store || !error) return undefined;
    store.report(id, what, error, () => retryRef.current?.());
    return () => store.clear(id);
  }, [store, id, what, error]);
  return store !== null;
}
