import type { ReactNode } from 'react';

interface PanelProps {
  title: string;
  /** Headline figure or controls shown at the right of the title. */
  aside?: ReactNode;
  subtitle?: ReactNode;
  busy?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}

export function Panel({ title, aside, subtitle, busy = false, children, footer }: PanelProps) {
  return (
    <section className="panel" aria-label={title} aria-busy={busy}>
      <header className="panel-header">
        <div>
          <h2 className="panel-title">{title}</h2>
          {subtitle ? <p className="panel-subtitle">{subtitle}</p> : null}
        </div>
        {aside ? <div className="panel-aside">{aside}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
      {footer ? <footer className="panel-footer">{footer}</footer> : null}
    </section>
  );
}
