import { useEffect } from 'react';

const WAIT_MS = 4000;

/**
 * Drill-down links end in #<panel>: once that panel exists (pages and panels load lazily), scroll
 * it into view and mark it so the eye finds it. Browsers only do this on full loads, not on
 * pushState, hence this hook.
 */
export function useScrollToHash(pathAndHash: string): void {
  useEffect(() => {
    const hash = pathAndHash.includes('#') ? decodeURIComponent(pathAndHash.slice(pathAndHash.indexOf('#') + 1)) : '';
    if (!hash) return;
    const started = performance.now();
    let frame = 0;
    const look = () => {
      const el = document.getElementById(hash);
      if (el) {
        el.scrollIntoView({ block: 'start', behavior: 'smooth' });
        el.dataset.focused = 'true';
        window.setTimeout(() => delete el.dataset.focused, 2500);
        return;
      }
      if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => cancelAnimationFrame(frame);
  }, [pathAndHash]);
}
