import { useEffect } from 'react';
import { PAGES, pageForPath } from './pages/registry';

export function App() {
  const page = pageForPath(window.location.pathname);
  const Page = page.component;

  useEffect(() => {
    document.title = `${page.title} · Vigil`;
  }, [page.title]);

  return (
    <div className="shell">
      <nav className="nav" aria-label="Pages">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true" />
          Vigil
        </a>
        <ul className="nav-list">
          {PAGES.map((p) => (
            <li key={p.id}>
              {p.component ? (
                <a className="nav-link" href={p.path} aria-current={p.id === page.id ? 'page' : undefined}>
                  {p.title}
                </a>
              ) : (
                <span className="nav-link is-disabled" aria-disabled="true" title="Coming soon">
                  {p.title}
                  <span className="nav-soon">soon</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <main className="main">
        <header className="page-header">
          <h1 className="page-title">{page.title}</h1>
          <p className="page-summary">{page.summary}</p>
        </header>
        {Page ? <Page /> : null}
      </main>
    </div>
  );
}
