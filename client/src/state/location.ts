import { useSyncExternalStore } from 'react';

// The SPA's router: the address bar is the state. pushState fires no event, so our own
// navigations announce themselves with this one; popstate covers back/forward.
const NAVIGATE_EVENT = 'vigil:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** Re-renders on every navigation; returns the current path, query and hash as one string. */
export function useHref(): string {
  return useSyncExternalStore(subscribe, readHref, () => '/');
}

const readHref = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** Goes to a URL of this app without reloading: one history entry, then everyone re-reads the URL. */
export function navigate(href: string): void {
  if (href === readHref()) return;
  window.history.pushState(window.history.state, '', href);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** For <a href> clicks: plain left clicks navigate in place; modified clicks open tabs as usual. */
export function followLink(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
