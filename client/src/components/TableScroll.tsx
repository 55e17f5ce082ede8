import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table that may be wider (or taller) than its panel. The scrolling box is focusable and named
 * so keyboard users can scroll it (WCAG 2.1.1), and when columns are cut off — on a phone — a
 * visible hint says so, since the scroll bar alone does not show on touch screens. Its name says
 * "table" so it differs from its panel's (landmarks must be told apart).
 */
export function TableScroll({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [cut, setCut] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setCut(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // the table grows when its rows arrive, the box does not
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);

  return (
    <>
      {cut ? (
        <p className="table-hint" data-testid="table-hint">
          Scroll sideways for more columns →
        </p>
      ) : null}
      <div ref={ref} className={className ? `table-scroll ${className}` : 'table-scroll'} tabIndex={0} role="region" aria-label={`${label} (table)`}>
        {children}
      </div>
    </>
  );
}
