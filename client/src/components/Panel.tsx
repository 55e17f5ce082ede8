import type { ReactNode } from 'react';

interface PanelProps {
  title: ReactNode;
  /** Accessible name; required in practice when the title is not plain text (e.g. has a definition). */
  name?: string;
  /** Anchor for links that drill into this panel (#review_sla). */
  id?: string;
  className?: string | undefined;
  /** Headline figure or controls shown at the right of the title. */
  aside?: ReactNode;
  subtitle?: ReactNode;
  busy?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}

export function Panel({ title, name, id, className, aside, subtitle, busy = false, children, footer }: PanelProps) {
  const label = name ?? (typeof title === 'string' ? title : undefined);
  return (
    <section id={id} className={className ? `panel ${className}` : 'panel'} aria-label={label} aria-busy={busy}>
      <header className="panel-header">
        <div className="panel-heading">
          {/* Named by the short label alone: the definition is the info button's description, not part of the heading. */}
          <h2 className="panel-title" aria-label={typeof title === 'string' ? undefined : label}>
            {title}
          </h2>
          {subtitle ? <p className="panel-subtitle">{subtitle}</p> : null}
        </div>
        {aside ? <div className="panel-aside">{aside}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
      {footer ? <footer className="panel-footer">{footer}</footer> : null}
    </section>
  );
}
