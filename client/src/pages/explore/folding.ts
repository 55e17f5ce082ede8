// The chart may fold the smaller groups into "Other"; the table and the CSV never do. These are
// the largest topN the API takes (schema.graphql: series at most 25, breakdown at most 50).
export const MAX_SERIES_TOP = 25;
export const MAX_BREAKDOWN_TOP = 50;

interface Groups {
  groups: readonly { isOther: boolean }[];
}

/** "Policy" → "policies", "Region" → "regions", "Detection source" → "detection sources" */
export function pluralNoun(label: string): string {
  const noun = label.toLowerCase();
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/**
 * "12 policies; the chart shows the top 8, the rest as Other." when the chart's answer folded
 * groups the table holds; null when the chart shows every group.
 */
export function foldNote(chart: Groups, table: Groups, dimension: string, top: number): string | null {
  if (!chart.groups.some((g) => g.isOther)) return null;
  const all = table.groups.filter((g) => !g.isOther).length;
  const beyond = table.groups.some((g) => g.isOther);
  const count = `${beyond ? 'More than ' : ''}${all} ${pluralNoun(dimension)}`;
  return `${count}; the chart shows the top ${top}, the rest as Other.${beyond ? ` The table holds the largest ${all} and the rest as Other.` : ' The table and the CSV hold them all.'}`;
}
