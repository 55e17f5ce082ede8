import type { MouseEvent } from 'react';

export const CONTENT_ID = 'content';

/**
 * The first tab stop of every page: past the navigation and the filter bar, straight to the page's
 * content — on the Overview to the first thing that needs attention. Focus is moved by hand, not by
 * the #hash, since the hash names panels to scroll to (drill-down links) and lives in the URL.
 */
export function SkipLink({ toAttention }: { toAttention: boolean }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const first = toAttention ? document.querySelector<HTMLElement>('#attention .flag-link') : null;
    const target = first ?? document.getElementById(CONTENT_ID);
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${CONTENT_ID}`} onClick={skip}>
      {toAttention ? 'Skip to what needs attention' : 'Skip to content'}
    </a>
  );
}
