import { useCallback, useMemo } from 'react';
import { navigate, useHref } from './location';
import { replaceParams, type UrlCodec } from './urlState';

export type SetUrlState<S> = (next: S | ((current: S) => S)) => void;

/**
 * State held in the query string: every change is a history entry, so back/forward walk through
 * views. Only the codec's own parameters change; the other codecs' stay as they are.
 */
export function useUrlState<S>(codec: UrlCodec<S>): [S, SetUrlState<S>] {
  const href = useHref();
  const search = href.includes('?') ? href.slice(href.indexOf('?')).replace(/#.*$/, '') : '';
  const state = useMemo(() => codec.parse(search), [codec, search]);

  const setState = useCallback<SetUrlState<S>>(
    (next) => {
      const current = codec.parse(window.location.search);
      const resolved = typeof next === 'function' ? (next as (c: S) => S)(current) : next;
      const query = replaceParams(window.location.search, codec, resolved);
      const { pathname, hash } = window.location;
      navigate(`${pathname}${query ? `?${query}` : ''}${hash}`);
    },
    [codec],
  );

  return [state, setState];
}
