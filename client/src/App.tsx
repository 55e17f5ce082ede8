import { Suspense, useEffect, useState } from 'react';
import { FilterBar } from './components/FilterBar';
import { FilterCrumbs } from './components/FilterCrumbs';
import { LoadingState } from './components/StateViews';
import { DashboardProvider } from './dashboard/DashboardProvider';
import { useDashboard } from './dashboard/dashboard';
import { PAGES, mayOpen, pageForPath, pageNeeds } from './pages/registry';
import { filterQuery } from './state/filterState';
import { followLink, useHref } from './state/location';
import { useScrollToHash } from './state/useScrollToHash';
import { SessionGate, useSession } from './auth/SessionGate';
import { scopeText } from './auth/session';
import { EmptyState } from './components/StateViews';
import { PageBoundary } from './components/PageBoundary';
import { ProblemBanner } from './components/ProblemBanner';
import { CONTENT_ID, SkipLink } from './components/SkipLink';
import { ProblemContext, ProblemStore } from './dashboard/problems';

function Shell() {
  const href = useHref();
  const pathname = href.replace(/[?#].*$/, '');
  const page = pageForPath(pathname);
  const Page = page.component;
  const { filters } = useDashboard();
  const session = useSession();
  const allowed = mayOpen(page, session.user);
  const scope = scopeText(session.user);
  const [problems] = useState(() => new ProblemStore());
  // Page links carry the slice, so moving between pages keeps the view.
  const query = filterQuery(filters);
  // Scroll on arriving at a panel, not again on every filter change that keeps the hash.
  useScrollToHash(`${pathname}${href.includes('#') ? href.slice(href.indexOf('#')) : ''}`);

  useEffect(() => {
    document.title = `${page.title} · Vigil`;
  }, [page.title]);

  return (
    <div className="shell">
      <SkipLink toAttention={page.id === 'overview'} />
      <nav className="nav" aria-label="Pages">
        <a className="brand" href={`/${query}`} onClick={followLink}>
          <span className="brand-mark" aria-hidden="true" />
          Vigil
        </a>
        <ul className="nav-list">
          {PAGES.filter((p) => !p.notInNav && mayOpen(p, session.user)).map((p) => (
            <li key={p.id}>
              <a className="nav-link" href={`${p.path}${query}`} onClick={followLink} aria-current={p.id === page.id ? 'page' : undefined}>
                {p.title}
              </a>
            </li>
          ))}
        </ul>
        <div className="nav-user">
          <span className="nav-user-name">{session.user.username}</span>
          <span className="nav-user-role">
            {session.user.role}
            {scope ? ` · ${scope}` : ''}
          </span>
          {session.proxy ? null : (
            <>
              <a className="nav-signout" href="/account" onClick={followLink} aria-current={page.id === 'account' ? 'page' : undefined}>
                Change password
              </a>
              <button type="button" className="nav-signout" onClick={() => void session.signOut()}>
                Sign out
              </button>
            </>
          )}
        </div>
      </nav>
      <main className="main">
        <header className="page-header">
          <h1 className="page-title">{page.title}</h1>
          <p className="page-summary">{page.summary}</p>
        </header>
        <div className="page">
          {page.noFilters ? null : (
            <>
              <FilterBar scopeOnly={page.scopeOnly === true} />
              <FilterCrumbs />
            </>
          )}
          <div id={CONTENT_ID} className="content" tabIndex={-1}>
            <ProblemBanner store={problems} />
            {allowed ? (
              <ProblemContext.Provider value={problems}>
                <PageBoundary key={page.id} what={`the ${page.title} page`}>
                  <Suspense fallback={<LoadingState what={page.title} />}>
                    <Page />
                  </Suspense>
                </PageBoundary>
              </ProblemContext.Provider>
            ) : (
              <EmptyState
                title={`${page.title} needs ${pageNeeds(page)}`}
                detail={`You are signed in as ${session.user.username}, a ${session.user.role}. Ask an admin if you need it.`}
              />
            )}
          </div>
        </div>
      </main>
    </div>
  );
}

export function App() {
  return (
    <SessionGate>
      <DashboardProvider>
        <Shell />
      </DashboardProvider>
    </SessionGate>
  );
}
