// Findings, root causes and action items as the page lists them: by kind, this week's and the
// open actions carried over from earlier weeks (marked with the week they were written for).
import type { RetroItemFieldsFragment, RetroItemKind, RetroSection } from '../../generated/graphql';

export type Item = RetroItemFieldsFragment;

export const KINDS: readonly { kind: RetroItemKind; title: string; noun: string; id: string }[] = [
  { kind: 'FINDING', title: 'Findings', noun: 'finding', id: 'findings' },
  { kind: 'ROOT_CAUSE', title: 'Root causes', noun: 'root cause', id: 'root-causes' },
  { kind: 'ACTION', title: 'Action items', noun: 'action item', id: 'actions' },
];

export const SECTION_LABEL: Record<RetroSection, string> = {
  GENERAL: 'General',
  HEADLINES: 'Headlines',
  MOVERS: 'Top movers',
  ANOMALIES: 'Anomalies',
  EVENTS: 'What happened',
};

export interface ListedItem {
  item: Item;
  /** Monday of the earlier week it was written for, when carried over into this one */
  carriedFrom: string | null;
  /** an open action whose due date passed before the end of the week */
  overdue: boolean;
}

/**
 * Items of the week by kind. Carried-over actions come first (oldest week first: the longest
 * outstanding), then the week's own in the order written. Deleted versions never show.
 */
export function groupItems(items: readonly Item[], week: string, weekLastDay: string): Record<RetroItemKind, ListedItem[]> {
  const groups: Record<RetroItemKind, ListedItem[]> = { FINDING: [], ROOT_CAUSE: [], ACTION: [] };
  const listed = items
    .filter((i) => !i.deleted)
    .map((item, order) => ({ item, order, carriedFrom: item.week < week ? item.week : null }))
    .sort((a, b) => (a.carriedFrom ?? '9999').localeCompare(b.carriedFrom ?? '9999') || a.order - b.order);
  for (const { item, carriedFrom } of listed) {
    const overdue = item.kind === 'ACTION' && item.status === 'OPEN' && item.dueDate !== null && item.dueDate <= weekLastDay;
    groups[item.kind].push({ item, carriedFrom, overdue });
  }
  return groups;
}
