import type { ComponentType } from 'react';
import { Overview } from './Overview';

export interface PageDef {
  id: string;
  title: string;
  path: string;
  /** One line under the title: the question the page answers. */
  summary: string;
  /** Absent while the page is not built yet; the nav shows it as coming. */
  component?: ComponentType;
}

export const PAGES: readonly PageDef[] = [
  {
    id: 'overview',
    title: 'Overview',
    path: '/',
    summary: 'How much are we moderating, and what moved?',
    component: Overview,
  },
  { id: 'moderation', title: 'Moderation', path: '/moderation', summary: 'Volumes, speed and appeals.' },
  { id: 'models', title: 'Models', path: '/models', summary: 'How good are our safety models?' },
  { id: 'annotation', title: 'Annotation', path: '/annotation', summary: 'Are the labelling teams keeping up?' },
  { id: 'explore', title: 'Explore', path: '/explore', summary: 'Slice any metric by any dimension.' },
  { id: 'retrospective', title: 'Retrospective', path: '/retrospective', summary: 'Last week against the weeks before.' },
];

/** The built page for a path; unknown paths fall back to the first page rather than a dead end. */
export function pageForPath(pathname: string): PageDef {
  const built = PAGES.filter((p) => p.component);
  const normalized = pathname.replace(/\/+$/, '') || '/';
  return built.find((p) => p.path === normalized) ?? built[0] ?? PAGES[0]!;
}
