import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { UrlCodec } from './urlState';

// pushState fires no event, so our own navigations announce themselves with this one;
// popstate covers back/forward.
const NAVIGATE_EVENT = 'vigil:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const readSearch = () => window.location.search;

export type SetUrlState<S> = (next: S | ((current: S) => S)) => void;

/** State held in the query string: every change is a history entry, so back/forward walk through views. */
export function useUrlState<S>(codec: UrlCodec<S>): [S, SetUrlState<S>] {
  const search = useSyncExternalStore(subscribe, readSearch, () => '');
  const state = useMemo(() => codec.parse(search), [codec, search]);

  const setState = useCallback<SetUrlState<S>>(
    (next) => {
      const current = codec.parse(window.location.search);
      const resolved = typeof next === 'function' ? (next as (c: S) => S)(current) : next;
      const query = codec.serialize(resolved);
      if (query === codec.serialize(current)) return;
      const { pathname, hash } = window.location;
      window.history.pushState(window.history.state, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
      window.dispatchEvent(new Event(NAVIGATE_EVENT));
    },
    [codec],
  );

  return [state, setState];
}
