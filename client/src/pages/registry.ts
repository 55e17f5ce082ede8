import { createElement, lazy, type ComponentType } from 'react';
import { atLeast, canUseDsaReport, type Role, type SessionUser } from '../auth/session';

export interface PageDef {
  id: string;
  title: string;
  path: string;
  /** One line under the title: the question the page answers. */
  summary: string;
  /** Each page is its own chunk, loaded when first opened: the first paint carries only the shell. */
  component: ComponentType;
  /** The page picks its own period (e.g. a week): the filter bar then offers only the slice. */
  scopeOnly?: boolean;
  /** Hidden from, and refused to, users below this role (the server refuses their questions too). */
  minRole?: Role;
  /** A rule beside the role ladder (e.g. the DSA report's): hidden from, and refused to, whoever fails it. */
  allows?: { who: string; user: (user: SessionUser) => boolean };
  /** The page shows no metrics (administration, account): no filter bar or breadcrumb. */
  noFilters?: boolean;
  /** Reached from elsewhere (the user block), not listed with the dashboards in the nav. */
  notInNav?: boolean;
}

/** How long a page's code may take to arrive before the page says the server is unreachable. */
const PAGE_LOAD_DEADLINE_MS = 10_000;

/**
 * A request that never settles (a connection the server went away from can hang rather than fail)
 * would leave the page a skeleton for good: past the deadline it counts as a failed fetch.
 */
function withDeadline<T>(loading: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TypeError('the page could not be fetched in time')), PAGE_LOAD_DEADLINE_MS);
    loading.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Fresh loaders for pages whose code failed to load, called by a retry (see PageBoundary). */
const reloaders = new Set<() => void>();

export function reloadFailedPages(): void {
  for (const reload of reloaders) reload();
}

/**
 * A page loaded on first use. React remembers a failed lazy load for good, so a page whose code
 * could not be fetched (server down while navigating) gets a fresh loader when retried — only
 * then: replacing it at once would make React suspend on the new one instead of showing the error.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  let failed = false;
  const attempt = () =>
    lazy(() =>
      withDeadline(load()).then(
        (module) => ({ default: module[name] }),
        (error: unknown) => {
          failed = true;
          throw error;
        },
      ),
    );
  let current = attempt();
  reloaders.add(() => {
    if (!failed) return;
    failed = false;
    current = attempt();
  });
  return function Page() {
    return createElement(current);
  };
}

export const PAGES: readonly PageDef[] = [
  {
    id: 'overview',
    title: 'Overview',
    path: '/',
    summary: 'What needs attention, where, and since when.',
    component: page(() => import('./overview/Overview'), 'Overview'),
  },
  {
    id: 'moderation',
    title: 'Moderation',
    path: '/moderation',
    summary: 'How much are we moderating, how fast, and how often are we wrong?',
    component: page(() => import('./moderation/Moderation'), 'Moderation'),
  },
  {
    id: 'models',
    title: 'Models',
    path: '/models',
    summary: 'How good are our safety models, per version, policy and region?',
    component: page(() => import('./models/Models'), 'Models'),
  },
  {
    id: 'annotation',
    title: 'Annotation',
    path: '/annotation',
    summary: 'Are the labelling teams keeping up, and are the labels any good?',
    component: page(() => import('./annotation/Annotation'), 'Annotation'),
  },
  {
    id: 'explore',
    title: 'Explore',
    path: '/explore',
    summary: 'Any metric, by any dimension, with the numbers and the SQL behind them.',
    component: page(() => import('./explore/Explore'), 'Explore'),
    // Explore shows the SQL behind every figure and exports CSV: analysts and above
    minRole: 'analyst',
  },
  {
    id: 'retrospective',
    title: 'Retrospective',
    path: '/retrospective',
    summary: 'Last week against the weeks before: what moved, what broke, what we do about it.',
    component: page(() => import('./retrospective/Retrospective'), 'Retrospective'),
    scopeOnly: true,
  },
  {
    id: 'alerts',
    title: 'Alerts',
    path: '/alerts',
    summary: 'What fires, why, and who was told: rules, their last evaluation, silences and notifications.',
    component: page(() => import('./alerts/Alerts'), 'Alerts'),
    noFilters: true,
  },
  {
    id: 'compliance',
    title: 'Compliance',
    path: '/compliance',
    summary: 'The DSA transparency report: the eleven parts, their consistency checks, the qualitative texts and the files to file.',
    component: page(() => import('./compliance/Compliance'), 'Compliance'),
    noFilters: true,
    allows: { who: 'the admin or compliance role and access to every region, country and vendor', user: canUseDsaReport },
  },
  {
    id: 'admin',
    title: 'Admin',
    path: '/admin',
    summary: 'Who may see what: users, roles and scopes, ingestion tokens, metric targets, and the audit log.',
    component: page(() => import('./admin/Admin'), 'Admin'),
    minRole: 'admin',
    noFilters: true,
  },
  {
    id: 'account',
    title: 'Account',
    path: '/account',
    summary: 'Who you are signed in as, what you may see, and your password.',
    component: page(() => import('./account/Account'), 'Account'),
    noFilters: true,
    notInNav: true,
  },
];

/** Whether the user may open the page (the server refuses their questions anyway). */
export const mayOpen = (page: PageDef, user: SessionUser) =>
  (!page.minRole || atLeast(user, page.minRole)) && (!page.allows || page.allows.user(user));

/** What the page needs, in words, for whoever may not open it. */
export const pageNeeds = (page: PageDef) => page.allows?.who ?? `the ${page.minRole} role`;

/** The page for a path; unknown paths fall back to the Overview rather than a dead end. */
export function pageForPath(pathname: string): PageDef {
  const normalized = pathname.replace(/\/+$/, '') || '/';
  return PAGES.find((p) => p.path === normalized) ?? PAGES[0]!;
}
